package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Lists the raster images of a document that osr did not read: PDF page images ({@link PdfImages}), OOXML media
 * ({@link OoxmlImages}), OFD image objects and seals ({@link OfdReader}), HTML {@code <img>} ({@link HtmlImages})
 * and image files inside archives and mail (Tika's
 * embedded documents of type image/*). {@link ImagePolicy} decides which of them leave the document unreviewed.
 */
public final class ImageCensus {
    /** Vector formats (EMF, WMF, SVG) draw text Tika can read or cannot; they are not raster images. */
    private static final List<String> RASTER = List.of("image/png", "image/jpeg", "image/gif", "image/bmp",
            "image/x-ms-bmp", "image/tiff", "image/webp", "image/jp2", "image/jpx", "image/x-portable-pixmap");

    private ImageCensus() {
    }

    /**
     * @param root     the file's metadata (pages and characters per page for PDF)
     * @param embedded metadata of each embedded document Tika read
     * @param ocr      whether images went through OCR: embedded images and OOXML media then were read; a PDF page
     *                 was OCR'd only where it had (almost) no text layer
     */
    static List<UnreadImage> take(Path file, PdfFile pdf, String mediaType, Metadata root, List<Metadata> embedded,
                                  boolean ocr) {
        List<UnreadImage> images = new ArrayList<>();
        boolean ooxml = mediaType.contains("openxmlformats-officedocument");
        boolean html = mediaType.contains("html");
        boolean ofd = mediaType.equals(OfdReader.MEDIA_TYPE);
        if (mediaType.equals("application/pdf") || root.get("pdf:PDFVersion") != null) {
            String[] perPage = root.getValues("pdf:charsPerPage");
            for (UnreadImage image : PdfImages.census(pdf)) {
                if (!ocr || !textless(perPage, image.page())) {
                    images.add(image);
                }
            }
        } else if (ooxml && !ocr) {
            images.addAll(OoxmlImages.census(file));
        } else if (ofd) {
            images.addAll(OfdReader.images(file));
        } else if (html) {
            // With --ocr Tika OCRs the data: URI images it extracts; a remote source stays unread.
            HtmlImages.census(file).stream().filter(i -> !ocr || !i.where().contains("data:")).forEach(images::add);
        }
        if (ocr) {
            return images;
        }
        for (Metadata md : embedded) {
            String type = md.get(Metadata.CONTENT_TYPE);
            type = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
            Integer depth = md.getInt(TikaCoreProperties.EMBEDDED_DEPTH);
            if (!RASTER.contains(type) || ((ooxml || html || ofd) && depth != null && depth == 1)) {
                continue;   // a package's own media and a page's data: URIs are counted above
            }
            String path = md.get(EmbeddedGuard.PATH);
            if (path == null) {
                path = md.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
            }
            images.add(new UnreadImage(path == null ? "embedded image" : path, null, md.getInt(TIFF.IMAGE_WIDTH),
                    md.getInt(TIFF.IMAGE_LENGTH), null, UnreadImage.Position.UNKNOWN));
        }
        return images;
    }

    /** Takes the census, adds {@code unread-image} to the problems when the policy says so, and sums it up. */
    static Coverage.Images account(Path file, PdfFile pdf, String mediaType, Metadata root, List<Metadata> embedded,
                                   boolean ocr, List<Part> parts, List<Problem> problems) {
        List<UnreadImage> images = take(file, pdf, mediaType, root, embedded, ocr);
        List<UnreadImage> candidates = images;
        if (problems.stream().anyMatch(p -> p.code().equals(Problem.NO_TEXT_LAYER))) {
            // Text-less pages are already named as scans (no-text-layer); their images need not be named twice.
            String[] perPage = root.getValues("pdf:charsPerPage");
            candidates = images.stream().filter(i -> !textless(perPage, i.page())).toList();
        }
        long chars = parts.stream().filter(p -> p.kind() != PartKind.METADATA)
                .mapToLong(p -> p.text().strip().length()).sum();
        List<ImagePolicy.Flag> flags = ImagePolicy.flags(candidates, chars);
        Problem problem = ImagePolicy.problem(flags);
        if (problem != null) {
            problems.add(problem);
        }
        return new Coverage.Images(images.size(), flags.stream().map(f -> f.rule().id() + ": " + f.image().describe()).toList());
    }

    /** A page with (almost) no text layer: what Tika's AUTO strategy OCRs and {@link ScannedPages} looks at. */
    private static boolean textless(String[] charsPerPage, Integer page) {
        if (page == null || page > charsPerPage.length) {
            return false;
        }
        try {
            return Integer.parseInt(charsPerPage[page - 1].trim()) < ScannedPages.MIN_CHARS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Width and height from an image's header (nothing is decoded), or null when no reader knows the format. */
    static int[] pixels(InputStream in) throws IOException {
        // In memory: ImageIO's default cache would write temporary files for every image looked at.
        try (ImageInputStream iis = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(iis);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }
}
