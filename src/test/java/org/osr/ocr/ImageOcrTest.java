package org.osr.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.RedInkScan;

/** Preparing pictures for Tesseract and running it: no real OCR here, only what decides how it is done. */
class ImageOcrTest {
    @TempDir
    Path tmp;

    @Test
    void redInkGoesToItsOwnLayerAndLeavesTheBlackTextAlone() throws Exception {
        BufferedImage scan = RedInkScan.render("机密★5年");
        PreparedImage prepared = PreparedImage.of(scan, 300.0);

        assertThat(prepared.red()).as("red layer").isNotNull();
        assertThat(prepared.redFirst()).as("a red head is read before the text under it").isTrue();
        // Cut to the red ink: about the width of five 110-pixel glyphs, one line high.
        assertThat(prepared.red().getWidth()).isBetween(450, 700);
        assertThat(prepared.red().getHeight()).isBetween(100, 250);
        // Where the red glyphs stood, the black layer is paper (the marking's strokes are not in it).
        int x = 760, y = 190;   // inside 机, above the first black line
        assertThat(scan.getRGB(x, y) & 0xffffff).as("red ink in the scan").isNotEqualTo(0xffffff);
        assertThat(prepared.black().getRGB(x, y) & 0xffffff).isEqualTo(0xffffff);
    }

    @Test
    void dustIsRemovedButAFullStopAndAThinStrokeStay() {
        int w = 40, h = 20;
        boolean[] ink = new boolean[w * h];
        fill(ink, w, 2, 2, 1, 1);     // a one-pixel speck
        fill(ink, w, 6, 2, 3, 3);     // a 3×3 dot of dust
        fill(ink, w, 12, 2, 5, 5);    // a 10 pt full stop at 300 dpi
        fill(ink, w, 20, 2, 1, 12);   // a hairline stroke, one pixel wide
        fill(ink, w, 25, 10, 3, 3);   // a dot touching a stroke is part of the stroke
        fill(ink, w, 28, 4, 1, 12);

        PreparedImage.despeckle(ink, w, h);

        assertThat(ink[2 * w + 2]).isFalse();
        assertThat(ink[3 * w + 7]).isFalse();
        assertThat(ink[4 * w + 14]).isTrue();
        assertThat(ink[10 * w + 20]).isTrue();
        assertThat(ink[11 * w + 26]).isTrue();
    }

    @Test
    void redInkFarApartIsReadBandByBandSoASmallMarkingIsNotLostBesideALargeHead() {
        BufferedImage layer = new BufferedImage(1200, 700, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = layer.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1200, 700);
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(100, 50, 300, 60);      // a small marking line
        g.fillRect(100, 300, 1000, 200);   // a large red head, far below
        g.fillRect(100, 520, 1000, 40);    // its rule, close under it: the same band
        g.dispose();

        java.util.List<BufferedImage> bands = PreparedImage.bands(layer);

        assertThat(bands).hasSize(2);
        assertThat(bands.get(0).getHeight()).isLessThan(200);
        assertThat(bands.get(1).getHeight()).isGreaterThan(250);
    }

    private static void fill(boolean[] ink, int w, int x, int y, int width, int height) {
        for (int dy = 0; dy < height; dy++) {
            for (int dx = 0; dx < width; dx++) {
                ink[(y + dy) * w + x + dx] = true;
            }
        }
    }

    @Test
    void aShadowedScanIsBinarizedLocallySoTheDarkPaperDoesNotTurnBlack() throws Exception {
        BufferedImage scan = RedInkScan.render("");
        for (int y = 0; y < scan.getHeight(); y++) {
            for (int x = 0; x < scan.getWidth(); x++) {
                // The right half is in shadow: paper there is darker than the text's edges on the left.
                double shade = x < scan.getWidth() / 2 ? 1.0 : 0.45;
                int v = (int) ((scan.getRGB(x, y) & 0xff) * shade);
                scan.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        PreparedImage prepared = PreparedImage.of(scan, 300.0);
        int paperInShadow = prepared.black().getRGB(1900, 1150) & 0xffffff;
        assertThat(paperInShadow).as("shadowed paper is paper").isEqualTo(0xffffff);
        assertThat(prepared.red()).isNull();
    }

    @Test
    void aThinRedRuleIsNotARedLayer() {
        BufferedImage page = paper();
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.RED);
        g.drawLine(100, 100, 400, 100);   // 300 red pixels
        g.setColor(java.awt.Color.BLACK);
        g.fillRect(100, 500, 300, 40);
        g.dispose();
        assertThat(PreparedImage.of(page, 300.0).red()).isNull();
    }

    @Test
    void aBlankPageHasNothingToRead() {
        PreparedImage prepared = PreparedImage.of(paper(), null);
        assertThat(prepared.black()).isNull();
        assertThat(prepared.red()).isNull();
    }

    /** A blank 1000 × 1000 page. */
    private static BufferedImage paper() {
        BufferedImage page = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1000, 1000);
        g.dispose();
        return page;
    }

    @Test
    void imagesAreBroughtTo300DpiWithinThePixelCap() {
        assertThat(PreparedImage.scale(1240, 1754, 150.0)).isEqualTo(2.0);          // A4 at 150 dpi
        assertThat(PreparedImage.scale(2480, 3508, 300.0)).isEqualTo(1.0);
        assertThat(PreparedImage.scale(2480, 3508, 72.0)).as("72 dpi on a 34-inch page is a default, not a fact")
                .isEqualTo(1.0);
        assertThat(PreparedImage.scale(400, 150, null)).as("a small picture of unknown resolution").isEqualTo(3.0);
        double huge = PreparedImage.scale(10_000, 10_000, 100.0);
        assertThat(10_000 * huge * 10_000 * huge).isLessThanOrEqualTo(PreparedImage.MAX_PIXELS + 1.0);
    }

    @Test
    void theResolutionAnImageDeclaresIsRead() throws Exception {
        javax.imageio.ImageReader reader = javax.imageio.ImageIO.getImageReadersByFormatName("png").next();
        BufferedImage image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("png").next();
        javax.imageio.metadata.IIOMetadata md = writer.getDefaultImageMetadata(
                new javax.imageio.ImageTypeSpecifier(image), null);
        javax.imageio.metadata.IIOMetadataNode phys = new javax.imageio.metadata.IIOMetadataNode("pHYs");
        phys.setAttribute("pixelsPerUnitXAxis", "5906");   // 150 dpi
        phys.setAttribute("pixelsPerUnitYAxis", "5906");
        phys.setAttribute("unitSpecifier", "meter");
        javax.imageio.metadata.IIOMetadataNode root = new javax.imageio.metadata.IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(phys);
        md.mergeTree("javax_imageio_png_1.0", root);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(new javax.imageio.IIOImage(image, null, md));
        }
        reader.setInput(javax.imageio.ImageIO.createImageInputStream(new ByteArrayInputStream(out.toByteArray())));
        assertThat(ImageOcr.dpi(reader.getImageMetadata(0))).isCloseTo(150.0, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void textLayerAndOcrTextAgreeDespiteMisreadsAndDisagreeWhenTheyAreDifferentTexts() {
        String layer = "东城区人民政府关于做好防汛工作的通知\n各街道办事处，区政府各部门：\n现将有关事项通知如下，请认真贯彻执行。";
        String ocr = "东城区人民政府天于做好防讯工作的通知\n各街道办事处，区政府各部|] :\n现将有关事项通知如下，请认真贯彻执行。";
        String other = "本单位定于下周五举行秋季运动会\n请各部门提前做好报名和后勤准备工作";
        assertThat(TextAgreement.agree(ocr, layer)).isTrue();
        assertThat(TextAgreement.agree(ocr, other)).isFalse();
        assertThat(TextAgreement.agree("第1页", other)).as("too short to compare").isTrue();
        assertThat(TextAgreement.agree(ocr + "\n" + other, "东城区人民政府关于做好防汛工作的通知"))
                .as("OCR read more than the text layer holds (typed lines over a scan)").isTrue();
    }

    @Test
    void aTesseractThatHangsIsKilledWhenTheThreadIsInterrupted() throws Exception {
        Path pidFile = tmp.resolve("pid");
        Path fake = tmp.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 60\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        String before = System.getProperty(Tesseract.PROPERTY);
        System.setProperty(Tesseract.PROPERTY, fake.toString());
        try (ImageOcr ocr = new ImageOcr()) {
            BufferedImage scan = RedInkScan.render("");
            Thread[] worker = new Thread[1];
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                worker[0] = Thread.currentThread();
                try {
                    ocr.read(scan, 300.0);
                    return null;
                } catch (OcrException e) {
                    return e;
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()) {
                assertThat(System.nanoTime()).as("fake tesseract started").isLessThan(deadline);
                Thread.sleep(50);
            }
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            worker[0].interrupt();
            Throwable failure = outcome.get(10, TimeUnit.SECONDS);
            assertThat(failure).isInstanceOf(OcrException.class);
            assertThat(((OcrException) failure).timeout()).isTrue();
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("tesseract killed")
                    .isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(Tesseract.PROPERTY);
            } else {
                System.setProperty(Tesseract.PROPERTY, before);
            }
        }
    }

    @Test
    void aTesseractThatFailsIsAFailureNotAnEmptyText() throws Exception {
        Path fake = tmp.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\necho 'Error in pixReadStream' >&2\nexit 1\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        String before = System.getProperty(Tesseract.PROPERTY);
        System.setProperty(Tesseract.PROPERTY, fake.toString());
        try (ImageOcr ocr = new ImageOcr()) {
            assertThatThrownBy(() -> ocr.read(RedInkScan.render(""), 300.0)).isInstanceOf(OcrException.class)
                    .hasMessageContaining("exit code 1").hasMessageContaining("Error in pixReadStream");
        } finally {
            if (before == null) {
                System.clearProperty(Tesseract.PROPERTY);
            } else {
                System.setProperty(Tesseract.PROPERTY, before);
            }
        }
    }
}
