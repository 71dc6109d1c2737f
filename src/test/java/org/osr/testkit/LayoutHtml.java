package org.osr.testkit;

import static org.osr.testkit.LayoutDocuments.escape;

import java.nio.charset.StandardCharsets;

import org.osr.testkit.LayoutDocuments.Cell;
import org.osr.testkit.LayoutDocuments.Element;
import org.osr.testkit.LayoutDocuments.Lang;
import org.osr.testkit.LayoutDocuments.Layout;
import org.osr.testkit.LayoutDocuments.Page;
import org.osr.testkit.LayoutDocuments.Para;
import org.osr.testkit.LayoutDocuments.Table;

/**
 * A layout as a web page: a {@code section} per page with the banner in a {@code header} and a {@code footer} of
 * each, {@code h2} headings, real tables ({@code th} in a {@code thead} for a header row, {@code colspan}), the
 * top mark absolutely positioned but written where the DOCX anchors it, and the margin note as a rotated
 * {@code div} — as a CMS or an office suite's HTML export writes them.
 */
final class LayoutHtml {
    private LayoutHtml() {
    }

    static byte[] bytes(Layout layout) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
                .append(layout.lang() == Lang.ZH ? "zh-CN" : "en").append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(layout.title())).append("</title>\n<style>section{page-break-after:always}"
                        + " .banner{text-align:center;font-weight:bold} td,th{border:1px solid #000}</style>\n</head>\n<body>\n");
        for (int p = 0; p < layout.pages().size(); p++) {
            Page page = layout.pages().get(p);
            sb.append("<section class=\"page\">\n");
            if (layout.banner() != null) {
                sb.append("<header class=\"banner\">").append(escape(layout.banner())).append("</header>\n");
            }
            if (p == 0 && layout.firstPageHeader() != null) {
                sb.append("<header>").append(escape(layout.firstPageHeader())).append("</header>\n");
            }
            int paragraph = 0;
            for (Element e : page.elements()) {
                if (e instanceof Para para) {
                    if (p == 0 && layout.overlay() != null && paragraph == layout.overlay().anchor()) {
                        sb.append("<div style=\"position:absolute;top:1cm;").append(layout.overlay().left() ? "left"
                                : "right").append(":2cm\">").append(escape(layout.overlay().text())).append("</div>\n");
                    }
                    if (p == 0 && paragraph == 1 && layout.marginNote() != null) {
                        sb.append("<div style=\"position:absolute;left:0.5cm;top:40%;transform:rotate(-90deg)\">")
                                .append(escape(layout.marginNote())).append("</div>\n");
                    }
                    paragraph++;
                    String tag = para.heading() ? "h2" : "p";
                    sb.append('<').append(tag).append('>').append(escape(para.text())).append("</").append(tag)
                            .append(">\n");
                } else {
                    table(sb, (Table) e);
                }
            }
            if (layout.banner() != null) {
                sb.append("<footer class=\"banner\">").append(escape(layout.banner())).append("</footer>\n");
            }
            sb.append("</section>\n");
        }
        return sb.append("</body>\n</html>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void table(StringBuilder sb, Table table) {
        sb.append("<table>\n");
        for (int r = 0; r < table.rows().size(); r++) {
            boolean header = r == 0 && table.headerRow();
            if (header) {
                sb.append("<thead>");
            } else if (r == (table.headerRow() ? 1 : 0)) {
                sb.append("<tbody>");
            }
            sb.append("<tr>");
            for (Cell c : table.rows().get(r)) {
                String tag = header ? "th" : "td";
                sb.append('<').append(tag).append(c.span() > 1 ? " colspan=\"" + c.span() + "\"" : "").append('>')
                        .append(escape(c.text())).append("</").append(tag).append('>');
            }
            sb.append("</tr>");
            sb.append(header ? "</thead>\n" : "\n");
        }
        sb.append("</tbody></table>\n");
    }
}
