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

    /** Whether a media type is one of the raster formats the census counts and OCR reads. */
    static boolean isRaster(String mediaType) {
        return RASTER.contains(mediaType);
    }

    /**
     * @param root     the file's metadata (pages and characters per page for PDF)
     * @param embedded metadata of each embedded document Tika read
     * @param read     what OCR read: an image counts as read only when OCR read it
     */
    static List<UnreadImage> take(Path file, PdfFile pdf, String mediaType, Metadata root, List<Metadata> embedded,
                                  OcrRead read) {
        List<UnreadImage> images = new ArrayList<>();
        boolean ooxml = mediaType.contains("openxmlformats-officedocument");
        boolean html = mediaType.contains("html");
        boolean ofd = mediaType.equals(OfdReader.MEDIA_TYPE);
        List<Metadata> packageImages = embedded.stream().filter(md -> depth(md) == 1 && isRaster(type(md))).toList();
        if (mediaType.equals("application/pdf") || root.get("pdf:PDFVersion") != null) {
            pdf.images().stream().filter(i -> !read.pdfPages().contains(i.page())).forEach(images::add);
        } else if (ooxml || ofd) {
            // A package's media reach OCR as embedded files named by their entry (OFD) or its last segment (OOXML).
            for (UnreadImage image : ooxml ? OoxmlImages.census(file) : OfdReader.images(file)) {
                String name = lastSegment(image.where().split(" ", 2)[0]);
                Metadata md = packageImages.stream()
                        .filter(m -> name.equals(lastSegment(m.get(TikaCoreProperties.RESOURCE_NAME_KEY))))
                        .findFirst().orElse(null);
                EmbeddedGuard.ImageReading reading = md == null ? null : read.images().apply(md);
                if (reading == null || !reading.read()) {
                    images.add(reading == null ? image : unreadBecause(image, reading));
                }
            }
        } else if (html) {
            // Tika hands each data: URI image over as an embedded image; a remote source stays unread.
            long readDataUris = packageImages.stream().map(read.images())
                    .filter(r -> r != null && r.read()).count();
            for (UnreadImage image : HtmlImages.census(file)) {
                if (image.where().contains("data:") && readDataUris > 0) {
                    readDataUris--;
                } else {
                    images.add(image);
                }
            }
        }
        for (Metadata md : embedded) {
            String type = type(md);
            if (!RASTER.contains(type) || ((ooxml || html || ofd) && depth(md) == 1)) {
                continue;   // a package's own media and a page's data: URIs are counted above
            }
            EmbeddedGuard.ImageReading reading = read.images().apply(md);
            if (reading != null && reading.read()) {
                continue;
            }
            String path = md.get(EmbeddedGuard.PATH);
            if (path == null) {
                path = md.get(TikaCoreProperties.EMBEDDED_RESOURCE_PATH);
            }
            UnreadImage image = new UnreadImage(path == null ? "embedded image" : path, null,
                    md.getInt(TIFF.IMAGE_WIDTH), md.getInt(TIFF.IMAGE_LENGTH), null, UnreadImage.Position.UNKNOWN);
            images.add(reading == null ? image : unreadBecause(image, reading));
        }
        return images;
    }

    /** What OCR read of a document: the PDF pages, and each embedded image's reading (null: not looked at). */
    record OcrRead(java.util.Set<Integer> pdfPages, java.util.function.Function<Metadata, EmbeddedGuard.ImageReading> images) {
        static final OcrRead NOTHING = new OcrRead(java.util.Set.of(), md -> null);
    }

    /** An image OCR tried and could not read: still unread, with the reason in its description. */
    private static UnreadImage unreadBecause(UnreadImage image, EmbeddedGuard.ImageReading reading) {
        return new UnreadImage(image.where() + " [OCR failed: " + reading.failure().getMessage() + "]", image.page(),
                image.widthPx(), image.heightPx(), image.pageShare(), image.position());
    }

    private static String lastSegment(String path) {
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    private static String type(Metadata md) {
        String type = md.get(Metadata.CONTENT_TYPE);
        return type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static int depth(Metadata md) {
        Integer depth = md.getInt(TikaCoreProperties.EMBEDDED_DEPTH);
        return depth == null ? 0 : depth;
    }

    /** Takes the census, adds {@code unread-image} to the problems when the policy says so, and sums it up. */
    static Coverage.Images account(Path file, PdfFile pdf, String mediaType, Metadata root, List<Metadata> embedded,
                                   OcrRead read, List<Part> parts, List<Problem> problems) {
        List<UnreadImage> images = take(file, pdf, mediaType, root, embedded, read);
        List<UnreadImage> candidates = images;
        if (problems.stream().anyMatch(p -> p.code().equals(Problem.NO_TEXT_LAYER))) {
            // Text-less pages are already named as scans (no-text-layer); their images need not be named twice.
            List<Integer> textless = ScannedPages.nearlyEmpty(root);
            candidates = images.stream().filter(i -> i.page() == null || !textless.contains(i.page() - 1)).toList();
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
