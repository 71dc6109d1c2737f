package org.osr.ocr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.osr.source.Scratch;
import org.w3c.dom.NodeList;

/**
 * Reads the text of pictures: decodes an image file (every frame of a TIFF or GIF) with its resolution, prepares it
 * ({@link PreparedImage}) and runs Tesseract on each layer, through files in osr's scratch folder that are deleted
 * after each run. Each run has its own files, so one instance may serve several threads.
 */
public final class ImageOcr implements AutoCloseable {
    /** Seconds Tesseract may spend on one layer of one image or PDF page (it takes 1–3 s on a scanned page). */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Images larger than this are not decoded (an int-RGB copy would take 4 bytes a pixel). */
    public static final long MAX_DECODED_PIXELS = 60_000_000L;
    /** Frames read from one multi-page image; a file with more cannot be read completely. */
    static final int MAX_FRAMES = 100;
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";
    private static final String SOURCE = "tesseract " + Tesseract.LANGUAGES;

    private final Scratch scratch = new Scratch();

    /** Where the text came from, for a part's {@code source}. */
    public static String source() {
        return SOURCE;
    }

    /** The text of an image file's frames, {@code '\f'} between frames. */
    public String readFile(Path file) throws OcrException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new OcrException(false, "the image could not be read: " + e.getMessage());
        }
    }

    /** The text of an encoded image (PNG, JPEG, TIFF, GIF, BMP; whatever ImageIO decodes), frames joined by '\f'. */
    public String read(InputStream encoded) throws OcrException {
        List<String> texts = new ArrayList<>();
        try (ImageInputStream iis = new MemoryCacheImageInputStream(encoded)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                throw new OcrException(false, "the image format could not be decoded");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, false, false);
                for (int i = 0; i < MAX_FRAMES + 1; i++) {
                    if (!frameExists(reader, i)) {
                        break;
                    }
                    if (i == MAX_FRAMES) {
                        throw new OcrException(false, "the image has more than " + MAX_FRAMES + " frames");
                    }
                    if ((long) reader.getWidth(i) * reader.getHeight(i) > MAX_DECODED_PIXELS) {
                        throw new OcrException(false, "the image has more than " + MAX_DECODED_PIXELS / 1_000_000
                                + " M pixels");
                    }
                    IIOImage frame = reader.readAll(i, null);
                    texts.add(read(toBuffered(frame), dpi(frame.getMetadata())));
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new OcrException(false, "the image could not be decoded: " + e);
        }
        if (texts.isEmpty()) {
            throw new OcrException(false, "the image has no frame that could be decoded");
        }
        return String.join("\f", texts);
    }

    /**
     * The text of one picture (a decoded image or a rendered page): red ink and the rest are read apart.
     *
     * @param dpi its resolution, or null when not known
     */
    public String read(BufferedImage image, Double dpi) throws OcrException {
        PreparedImage prepared = PreparedImage.of(image, dpi);
        String black = prepared.black() == null ? "" : readBlack(prepared.black());
        if (prepared.red() == null) {
            return black;
        }
        List<String> reds = new ArrayList<>();
        for (BufferedImage band : PreparedImage.bands(prepared.red())) {
            reds.add(tesseract(band, Tesseract.CHINESE));
        }
        String red = String.join("\n", reds);
        return prepared.redFirst() ? red + "\n" + black : black + "\n" + red;
    }

    /**
     * Chinese first ({@link Tesseract#CHINESE}); a page that comes out mostly in Latin letters is English and is read
     * again with English too, which keeps what the Chinese model mangles ({@code TOP SECRET//NOFORN} as
     * {@code TOP SECRETWNNOFORN}).
     */
    private String readBlack(BufferedImage layer) throws OcrException {
        String chinese = tesseract(layer, Tesseract.CHINESE);
        return mostlyLatin(chinese) ? tesseract(layer, Tesseract.LANGUAGES) : chinese;
    }

    /** More Latin letters than Chinese characters. */
    static boolean mostlyLatin(String text) {
        int latin = 0;
        int han = 0;
        for (int cp : text.codePoints().toArray()) {
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else if (script == Character.UnicodeScript.HAN) {
                han++;
            }
        }
        return latin > han;
    }

    private String tesseract(BufferedImage layer, String languages) throws OcrException {
        Path image = null;
        Path out = null;
        Path err = null;
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(layer, "png", png);
            image = scratch.copy(new ByteArrayInputStream(png.toByteArray()), "ocr-image");
            out = scratch.copy(InputStream.nullInputStream(), "ocr-text");
            err = scratch.copy(InputStream.nullInputStream(), "ocr-log");
            return Tesseract.read(image, out, err, languages, PreparedImage.DPI, TIMEOUT);
        } catch (IOException e) {
            throw new OcrException(false, "the image could not be written for tesseract: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OcrException(true, "OCR was stopped at the file's deadline");
        } finally {
            delete(image);
            delete(out);
            delete(err);
        }
    }

    private static boolean frameExists(ImageReader reader, int index) throws IOException {
        try {
            reader.getWidth(index);
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static BufferedImage toBuffered(IIOImage frame) {
        if (frame.getRenderedImage() instanceof BufferedImage b) {
            return b;
        }
        throw new IllegalArgumentException("frame is not a raster image");
    }

    /**
     * Dots per inch the image declares, or null when it does not (or declares something no scan has). PNG's is read
     * from its pHYs chunk: the JDK's standard tree gives PNG's pixel size inverted (pixels per millimetre); other
     * formats' from the standard tree ({@code Dimension/HorizontalPixelSize}, millimetres per pixel).
     */
    static Double dpi(IIOMetadata metadata) {
        if (metadata == null) {
            return null;
        }
        Double dpi = null;
        try {
            if (PNG_FORMAT.equals(metadata.getNativeMetadataFormatName())) {
                NodeList phys = ((IIOMetadataNode) metadata.getAsTree(PNG_FORMAT)).getElementsByTagName("pHYs");
                IIOMetadataNode node = phys.getLength() == 0 ? null : (IIOMetadataNode) phys.item(0);
                if (node != null && "meter".equals(node.getAttribute("unitSpecifier"))) {
                    dpi = Double.parseDouble(node.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
                }
            } else if (metadata.isStandardMetadataFormatSupported()) {
                NodeList sizes = ((IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0"))
                        .getElementsByTagName("HorizontalPixelSize");
                if (sizes.getLength() > 0) {
                    dpi = 25.4 / Double.parseDouble(((IIOMetadataNode) sizes.item(0)).getAttribute("value"));
                }
            }
        } catch (IllegalArgumentException e) {   // a malformed number or tree
            return null;
        }
        return dpi != null && dpi >= 50 && dpi <= 2400 ? dpi : null;
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the scratch folder goes at exit
            }
        }
    }

    @Override
    public void close() {
        scratch.close();
    }
}
