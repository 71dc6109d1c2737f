package org.osr.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes a scanned page as a scanner would: PNG or JPEG carrying its resolution, or an image-only A4 PDF. */
final class PageFiles {
    enum Format { PNG, JPG, PDF }

    private PageFiles() {
    }

    /** @param jpegQuality 0–1 for JPEG (in a .jpg or inside the PDF); 0 means lossless where the format allows */
    static Path write(BufferedImage page, Path file, Format format, int dpi, float jpegQuality) throws IOException {
        switch (format) {
            case PNG -> image(page, file, "png", dpi, 0);
            case JPG -> image(page, file, "jpeg", dpi, jpegQuality == 0 ? 0.9f : jpegQuality);
            case PDF -> pdf(page, file, jpegQuality);
        }
        return file;
    }

    private static void image(BufferedImage page, Path file, String type, int dpi, float quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(type);
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + type);
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (quality > 0) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(page),
                    param);
            withResolution(metadata, dpi);
            writer.write(null, new IIOImage(page, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }

    /** The standard metadata tree's pixel size (mm per pixel) becomes PNG pHYs or JPEG JFIF density. */
    private static void withResolution(IIOMetadata metadata, int dpi) {
        String mmPerPixel = Double.toString(25.4 / dpi);
        IIOMetadataNode horizontal = new IIOMetadataNode("HorizontalPixelSize");
        horizontal.setAttribute("value", mmPerPixel);
        IIOMetadataNode vertical = new IIOMetadataNode("VerticalPixelSize");
        vertical.setAttribute("value", mmPerPixel);
        IIOMetadataNode dimension = new IIOMetadataNode("Dimension");
        dimension.appendChild(horizontal);
        dimension.appendChild(vertical);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_1.0");
        root.appendChild(dimension);
        try {
            metadata.mergeTree("javax_imageio_1.0", root);
        } catch (IIOInvalidTreeException | IllegalStateException e) {
            // Some writers keep their own density; the page is still a valid image.
        }
    }

    private static void pdf(BufferedImage page, Path file, float jpegQuality) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage pdPage = new PDPage(PDRectangle.A4);
            pdf.addPage(pdPage);
            PDImageXObject image = jpegQuality > 0 ? JPEGFactory.createFromImage(pdf, page, jpegQuality)
                    : LosslessFactory.createFromImage(pdf, page);
            PDRectangle box = pdPage.getMediaBox();
            try (PDPageContentStream content = new PDPageContentStream(pdf, pdPage)) {
                content.drawImage(image, 0, 0, box.getWidth(), box.getHeight());
            }
            pdf.save(file.toFile());
        }
    }
}
