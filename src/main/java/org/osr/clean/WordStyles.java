package org.osr.clean;

import static org.osr.clean.DocxCleaner.W;

import java.util.HashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Whether a run is hidden ({@code w:vanish}): set on the run itself, or by its character style, its paragraph's
 * style or the document defaults, each style along its {@code w:basedOn} chain; the nearest setting wins.
 */
final class WordStyles {
    static final WordStyles NONE = new WordStyles(Map.of(), null, null);

    private record Style(Boolean vanish, String basedOn) {
    }

    private final Map<String, Style> styles;
    private final Boolean defaultVanish;
    private final String defaultParagraphStyle;

    private WordStyles(Map<String, Style> styles, Boolean defaultVanish, String defaultParagraphStyle) {
        this.styles = styles;
        this.defaultVanish = defaultVanish;
        this.defaultParagraphStyle = defaultParagraphStyle;
    }

    static WordStyles of(Document stylesXml) {
        Map<String, Style> styles = new HashMap<>();
        String defaultParagraph = null;
        for (Element s : Dom.all(stylesXml, W, "style")) {
            String id = s.getAttributeNS(W, "styleId");
            Element basedOn = Dom.child(s, W, "basedOn");
            styles.put(id, new Style(vanish(Dom.child(s, W, "rPr")),
                    basedOn == null ? null : basedOn.getAttributeNS(W, "val")));
            if ("paragraph".equals(s.getAttributeNS(W, "type")) && !s.getAttributeNS(W, "default").isEmpty()
                    && on(s.getAttributeNS(W, "default"))) {
                defaultParagraph = id;
            }
        }
        Boolean defaults = null;
        for (Element d : Dom.all(stylesXml, W, "rPrDefault")) {
            defaults = vanish(Dom.child(d, W, "rPr"));
        }
        return new WordStyles(styles, defaults, defaultParagraph);
    }

    boolean hidden(Element run) {
        Element rPr = Dom.child(run, W, "rPr");
        Boolean direct = vanish(rPr);
        if (direct != null) {
            return direct;
        }
        Element rStyle = Dom.child(rPr, W, "rStyle");
        Boolean byCharacterStyle = rStyle == null ? null : chain(rStyle.getAttributeNS(W, "val"));
        if (byCharacterStyle != null) {
            return byCharacterStyle;
        }
        Element p = Dom.ancestor(run, W, "p");
        Element pStyle = p == null ? null : Dom.child(Dom.child(p, W, "pPr"), W, "pStyle");
        Boolean byParagraphStyle = chain(pStyle != null ? pStyle.getAttributeNS(W, "val") : defaultParagraphStyle);
        if (byParagraphStyle != null) {
            return byParagraphStyle;
        }
        return Boolean.TRUE.equals(defaultVanish);
    }

    private Boolean chain(String id) {
        for (int depth = 0; id != null && !id.isEmpty() && depth < 32; depth++) {
            Style s = styles.get(id);
            if (s == null) {
                return null;
            }
            if (s.vanish() != null) {
                return s.vanish();
            }
            id = s.basedOn();
        }
        return null;
    }

    /** {@code w:vanish} or {@code w:specVanish} in run properties: on, off, or not said. */
    private static Boolean vanish(Element rPr) {
        Element v = Dom.child(rPr, W, "vanish");
        if (v == null) {
            v = Dom.child(rPr, W, "specVanish");
        }
        return v == null ? null : on(v.getAttributeNS(W, "val"));
    }

    private static boolean on(String val) {
        return val == null || val.isEmpty() || !(val.equals("false") || val.equals("0") || val.equals("off"));
    }
}
