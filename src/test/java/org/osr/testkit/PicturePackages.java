package org.osr.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Documents that carry a picture of a page: a DOCX with it pasted in, an e-mail with it attached. */
public final class PicturePackages {
    private PicturePackages() {
    }

    /** A forwarding letter: one typed line, then the picture across the text width. */
    public static Path docx(Path file, byte[] png, int widthPx, int heightPx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("现将有关文件转发给你们，请遵照执行。");
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG,
                    "notice.png", Units.toEMU(453), Units.toEMU(453.0 * heightPx / widthPx));
            doc.write(out);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
        return file;
    }

    /** A short mail with the picture attached as {@code name}. */
    public static Path eml(Path file, byte[] png, String name) throws IOException {
        String eml = "From: a@example.org\r\nTo: b@example.org\r\nSubject: notice\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
                + "--XX\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n请查收附件。\r\n"
                + "--XX\r\nContent-Type: image/png\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(png) + "\r\n--XX--\r\n";
        Files.write(file, eml.getBytes(StandardCharsets.UTF_8));
        return file;
    }
}
