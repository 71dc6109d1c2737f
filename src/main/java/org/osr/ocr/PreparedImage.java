package org.osr.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;

/**
 * An image made ready for Tesseract: brought to about 300 dpi, grey, binarized (black text on white), and with red
 * ink on a layer of its own. A red stamp or a red head over black text garbles both when read together; apart, each
 * is read. Either layer is null when it holds no ink.
 *
 * @param black    the main layer (everything but clearly red ink), binarized, or null when blank
 * @param red      the red ink as black on white, or null when there is not enough red to be text
 * @param redFirst whether the red ink lies in the upper half (a red head): its text is then read before the rest
 */
record PreparedImage(BufferedImage black, BufferedImage red, boolean redFirst) {
    /** Tesseract reads best at 300 dpi; its models were trained on text about that size. */
    static final int DPI = 300;
    /** The largest image handed to Tesseract: an A3 page at 300 dpi is 17 M pixels. */
    static final long MAX_PIXELS = 36_000_000L;
    /** An image of unknown resolution is scaled so its longer side has at least this many pixels (at most 3×). */
    private static final int UNKNOWN_DPI_LONG_SIDE = 2000;
    private static final double MAX_UPSCALE = 3;
    /** Pages wider or taller than this many inches at their declared resolution: the declaration is a default. */
    private static final double MAX_INCHES = 17;
    /** Clearly red: red at least this bright and this far above both green and blue. */
    private static final int RED_MIN = 120;
    private static final int RED_MARGIN = 60;
    /** Enough red to be text: at least this many pixels and this share of the image. */
    private static final int RED_MIN_PIXELS = 400;
    private static final double RED_MIN_SHARE = 0.0005;
    /** Blank rows that separate two bands of a layer ({@link #bands}): 4 mm at 300 dpi, more than a line gap. */
    static final int BAND_GAP = 48;
    /** Bands read one by one at most; a layer with more is read as one block. */
    static final int MAX_BANDS = 6;
    /** Ink pixels of the largest speck {@link #despeckle} removes (a 3×3 dot). */
    static final int SPECK_PIXELS = 9;
    /** Fewer black pixels than this after binarization: nothing to read. */
    private static final int MIN_INK_PIXELS = 50;
    /** How far (pixels at 300 dpi) a black stroke crossing a red glyph may reach: a bold stroke is about 10. */
    private static final int CROSSING_REACH = 10;
    /** Darker than this (0–255) is ink of some colour, not paper. */
    private static final int INKED = 200;
    /** White kept around the cropped red ink. */
    private static final int MARGIN = 30;
    /** Backgrounds whose brightness differs by more than this across the image need a local threshold. */
    private static final int UNEVEN_BACKGROUND = 50;

    /**
     * @param dpi the image's resolution from its metadata, or null when it has none (or one that cannot be true)
     */
    static PreparedImage of(BufferedImage source, Double dpi) {
        double scale = scale(source.getWidth(), source.getHeight(), dpi);
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage rgb = source;
        if (w != source.getWidth() || h != source.getHeight() || source.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);   // transparent pixels become paper
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(source, 0, 0, w, h, null);
            g.dispose();
        }

        int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
        int[] grey = new int[pixels.length];
        boolean[] red = new boolean[pixels.length];
        boolean[] inked = new boolean[pixels.length];
        int redCount = 0;
        long redRows = 0;
        for (int i = 0; i < pixels.length; i++) {
            int p = pixels[i];
            int r = (p >> 16) & 0xff, gr = (p >> 8) & 0xff, b = p & 0xff;
            if (r >= RED_MIN && r - Math.max(gr, b) >= RED_MARGIN) {
                red[i] = true;
                redCount++;
                redRows += i / w;
                grey[i] = 255;
            } else {
                grey[i] = (299 * r + 587 * gr + 114 * b) / 1000;
                inked[i] = grey[i] < INKED;
            }
        }
        boolean enoughRed = redCount >= Math.max(RED_MIN_PIXELS, RED_MIN_SHARE * pixels.length);
        if (!enoughRed) {
            // A few red pixels are a coloured rule or a dot: they stay with the rest, as the grey they are.
            for (int i = 0; i < pixels.length; i++) {
                if (red[i]) {
                    int p = pixels[i];
                    grey[i] = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000;
                }
            }
        }
        boolean[] ink = binarize(grey, w, h);
        despeckle(ink, w, h);
        BufferedImage black = toImage(ink, w, h);
        BufferedImage redLayer = enoughRed ? cropped(mendCrossings(red, inked, w, h), w, h) : null;
        boolean redFirst = enoughRed && redRows / redCount < h / 2;
        return new PreparedImage(black, redLayer, redFirst);
    }

    /**
     * Removes specks: groups of touching ink pixels no larger than {@link #SPECK_PIXELS} that fit in a 3×3 box. A
     * scanner's dust and a fax's noise are such dots; Tesseract reads them as characters (四, 站, 人 strewn over the
     * page) and loses the short lines among them. The smallest real mark at 300 dpi, a 10 pt full stop, is about 5×5.
     */
    static void despeckle(boolean[] ink, int w, int h) {
        boolean[] seen = new boolean[ink.length];
        int[] group = new int[1024];
        for (int start = 0; start < ink.length; start++) {
            if (!ink[start] || seen[start]) {
                continue;
            }
            // Each group of touching pixels (8 neighbours) is walked whole, once.
            int size = 0;
            group[size++] = start;
            seen[start] = true;
            int minX = start % w, maxX = minX, minY = start / w, maxY = minY;
            for (int next = 0; next < size; next++) {
                int p = group[next];
                int x = p % w, y = p / w;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                        int q = ny * w + nx;
                        if (ink[q] && !seen[q]) {
                            seen[q] = true;
                            if (size == group.length) {
                                group = java.util.Arrays.copyOf(group, size * 2);
                            }
                            group[size++] = q;
                        }
                    }
                }
            }
            if (size <= SPECK_PIXELS && maxX - minX <= 2 && maxY - minY <= 2) {
                for (int i = 0; i < size; i++) {
                    ink[group[i]] = false;
                }
            }
        }
    }

    /** The factor that brings the image to {@link #DPI}, within the pixel cap. */
    static double scale(int width, int height, Double dpi) {
        double scale;
        if (dpi != null && dpi > 0 && Math.max(width, height) / dpi <= MAX_INCHES) {
            scale = Math.min(DPI / dpi, 4);
        } else {
            scale = Math.max(1, Math.min(MAX_UPSCALE, (double) UNKNOWN_DPI_LONG_SIDE / Math.max(width, height)));
        }
        double pixels = (double) width * height * scale * scale;
        if (pixels > MAX_PIXELS) {
            scale = Math.sqrt(MAX_PIXELS / ((double) width * height));
        }
        return scale;
    }

    /**
     * Otsu's global threshold, or, when the paper's brightness varies across the image (a shadowed or yellowed
     * scan), a local one: darker by 15 % than the mean of its neighbourhood (Bradley and Roth).
     */
    private static boolean[] binarize(int[] grey, int w, int h) {
        int threshold = otsu(grey);
        boolean[] ink = new boolean[grey.length];
        if (!uneven(grey, w, h)) {
            for (int i = 0; i < grey.length; i++) {
                ink[i] = grey[i] <= threshold;
            }
            return ink;
        }
        long[] integral = new long[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            long row = 0;
            for (int x = 0; x < w; x++) {
                row += grey[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        int half = Math.max(8, Math.max(w, h) / 32);
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - half), y1 = Math.min(h, y + half + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - half), x1 = Math.min(w, x + half + 1);
                long sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1]
                        - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0];
                long count = (long) (x1 - x0) * (y1 - y0);
                ink[y * w + x] = grey[y * w + x] * count * 100 <= sum * 85;
            }
        }
        return ink;
    }

    static int otsu(int[] grey) {
        long[] histogram = new long[256];
        for (int v : grey) {
            histogram[v]++;
        }
        long total = grey.length;
        double sumAll = 0;
        for (int t = 0; t < 256; t++) {
            sumAll += (double) t * histogram[t];
        }
        double sumBack = 0, best = -1;
        long back = 0;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            back += histogram[t];
            if (back == 0) {
                continue;
            }
            long fore = total - back;
            if (fore == 0) {
                break;
            }
            sumBack += (double) t * histogram[t];
            double meanBack = sumBack / back, meanFore = (sumAll - sumBack) / fore;
            double between = (double) back * fore * (meanBack - meanFore) * (meanBack - meanFore);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }

    /**
     * Whether the paper is much brighter in one region of an 8 × 8 grid than in another: each tile's paper is its
     * 90th-percentile brightness (text covers far less than a tenth of a tile).
     */
    private static boolean uneven(int[] grey, int w, int h) {
        int tiles = 8;
        int min = 255, max = 0;
        for (int ty = 0; ty < tiles; ty++) {
            for (int tx = 0; tx < tiles; tx++) {
                int[] histogram = new int[256];
                int n = 0;
                for (int y = ty * h / tiles; y < (ty + 1) * h / tiles; y += 2) {
                    for (int x = tx * w / tiles; x < (tx + 1) * w / tiles; x += 2) {
                        histogram[grey[y * w + x]]++;
                        n++;
                    }
                }
                if (n < 100) {
                    continue;
                }
                int paper = 255;
                for (int v = 0, seen = 0; v < 256; v++) {
                    seen += histogram[v];
                    if (seen >= n * 0.9) {
                        paper = v;
                        break;
                    }
                }
                min = Math.min(min, paper);
                max = Math.max(max, paper);
            }
        }
        return max - min > UNEVEN_BACKGROUND;
    }

    /**
     * Where a black stroke crosses a red one the pixel is black (or, at the black stroke's edge, grey), which leaves a
     * gap in the red glyph. Such a pixel with red ink close on both sides (left and right, or above and below) is
     * taken into the red layer too.
     */
    private static boolean[] mendCrossings(boolean[] red, boolean[] black, int w, int h) {
        boolean[] mended = red.clone();
        int reach = CROSSING_REACH;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (!black[i] || red[i]) {
                    continue;
                }
                boolean left = false, right = false, up = false, down = false;
                for (int d = 1; d <= reach; d++) {
                    left |= x - d >= 0 && red[i - d];
                    right |= x + d < w && red[i + d];
                    up |= y - d >= 0 && red[i - d * w];
                    down |= y + d < h && red[i + d * w];
                }
                mended[i] = left && right || up && down;
            }
        }
        return mended;
    }

    /** The layer cut to its ink and a white margin: Tesseract reads a few red lines better without a page around. */
    private static BufferedImage cropped(boolean[] ink, int w, int h) {
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y * w + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return null;
        }
        int x0 = Math.max(0, minX - MARGIN), y0 = Math.max(0, minY - MARGIN);
        int cw = Math.min(w, maxX + MARGIN + 1) - x0, ch = Math.min(h, maxY + MARGIN + 1) - y0;
        boolean[] cut = new boolean[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(ink, (y0 + y) * w + x0, cut, y * cw, cw);
        }
        return toImage(cut, cw, ch);
    }

    /**
     * The bands of a layer: runs of rows with ink, split where at least {@link #BAND_GAP} rows are blank, each cut to
     * its ink. Red ink is a large red head, a small marking, a round seal, rarely together on one line; read as one
     * block, Tesseract sizes the text by the largest and loses a small line beside it. More bands than
     * {@link #MAX_BANDS} (a page of red text) are read as one block.
     */
    static java.util.List<BufferedImage> bands(BufferedImage layer) {
        int w = layer.getWidth(), h = layer.getHeight();
        int[] pixels = layer.getRGB(0, 0, w, h, null, 0, w);
        boolean[] ink = new boolean[pixels.length];
        boolean[] rowInk = new boolean[h];
        for (int i = 0; i < pixels.length; i++) {
            ink[i] = (pixels[i] & 0xff) < 128;
            rowInk[i / w] |= ink[i];
        }
        java.util.List<int[]> runs = new java.util.ArrayList<>();
        int start = -1, blank = 0;
        for (int y = 0; y <= h; y++) {
            boolean inked = y < h && rowInk[y];
            if (inked) {
                if (start < 0) {
                    start = y;
                }
                blank = 0;
            } else if (start >= 0 && (++blank >= BAND_GAP || y == h)) {
                runs.add(new int[] {start, y - blank + 1});
                start = -1;
            }
        }
        if (runs.size() < 2 || runs.size() > MAX_BANDS) {
            return java.util.List.of(layer);
        }
        java.util.List<BufferedImage> bands = new java.util.ArrayList<>();
        for (int[] run : runs) {
            int bh = run[1] - run[0];
            boolean[] band = new boolean[w * bh];
            System.arraycopy(ink, run[0] * w, band, 0, band.length);
            BufferedImage cut = cropped(band, w, bh);
            if (cut != null) {
                bands.add(cut);
            }
        }
        return bands;
    }

    /** Black on white, or null when there are too few black pixels to be text. */
    private static BufferedImage toImage(boolean[] ink, int w, int h) {
        int count = 0;
        for (boolean b : ink) {
            if (b) {
                count++;
            }
        }
        if (count < MIN_INK_PIXELS) {
            return null;
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = ink[y * w + x] ? 0 : 1;
            }
            raster.setPixels(0, y, w, 1, row);
        }
        return image;
    }
}
