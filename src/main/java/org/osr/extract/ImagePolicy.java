package org.osr.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that decides what an unread image means. An unread image that could hold a page of text or a marking
 * leaves the document unreviewed ({@code unread-image}); a logo, a photo or a QR code in an ordinary notice does not.
 * The numbers were measured on the shared clean corpus and bench (see the README, "Images").
 */
public final class ImagePolicy {
    /** Images covering this share of one page together (bands and tiles of one scan add up) could hold text. */
    static final double PAGE_SHARE = 0.10;
    /** An image at the top of a page or in a margin (where markings and stamps sit) covering this share. */
    static final double EDGE_SHARE = 0.05;
    /** An image shown where the page is not known (an archive member, an unreferenced medium) with this many pixels. */
    static final long UNSIZED_PIXELS = ScannedPages.MIN_IMAGE_PIXELS;
    /** A document with fewer characters than this and an image of unknown size is probably that image. */
    static final int TEXTLESS_CHARS = ScannedPages.MIN_CHARS;

    /** The rule of the policy that took an image. */
    public enum Rule {
        /** one page's images cover at least {@link #PAGE_SHARE} of it */
        PAGE_SHARE,
        /** an image at the top of a page or in a margin covers at least {@link #EDGE_SHARE} of it */
        EDGE,
        /** no page is known and the image has at least {@link #UNSIZED_PIXELS} pixels */
        LARGE_UNSIZED,
        /** nothing is known of the image's size and the document has almost no text besides */
        TEXTLESS;

        /** The rule's name in reports: page-share, edge, large-unsized, textless. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public record Flag(Rule rule, UnreadImage image) {
    }

    private ImagePolicy() {
    }

    /** Which images leave the document unreviewed, and by which rule; empty when none does. */
    public static List<Flag> flags(List<UnreadImage> images, long textChars) {
        List<Flag> flags = new ArrayList<>();
        Map<Integer, List<UnreadImage>> pages = new LinkedHashMap<>();
        for (UnreadImage image : images) {
            if (image.page() != null && image.pageShare() != null) {
                pages.computeIfAbsent(image.page(), p -> new ArrayList<>()).add(image);
            } else if (image.pageShare() != null) {
                shown(List.of(image), flags);
            } else if (image.pixels() != null) {
                if (image.pixels() >= UNSIZED_PIXELS) {
                    flags.add(new Flag(Rule.LARGE_UNSIZED, image));
                }
            } else if (textChars < TEXTLESS_CHARS) {
                flags.add(new Flag(Rule.TEXTLESS, image));
            }
        }
        pages.values().forEach(onOnePage -> shown(onOnePage, flags));
        return flags;
    }

    /** Images shown on one page (or one image whose page is not numbered): one flag at most. */
    private static void shown(List<UnreadImage> onOnePage, List<Flag> flags) {
        double share = Math.min(1, onOnePage.stream().mapToDouble(UnreadImage::pageShare).sum());
        if (share >= PAGE_SHARE) {
            UnreadImage first = onOnePage.get(0);
            flags.add(new Flag(Rule.PAGE_SHARE, onOnePage.size() == 1 ? first : new UnreadImage(first.where() + " ("
                    + onOnePage.size() + " images together)", first.page(), null, null, share,
                    UnreadImage.Position.UNKNOWN)));
            return;
        }
        onOnePage.stream().filter(i -> i.pageShare() >= EDGE_SHARE && (i.position() == UnreadImage.Position.TOP
                || i.position() == UnreadImage.Position.MARGIN)).findFirst()
                .ifPresent(i -> flags.add(new Flag(Rule.EDGE, i)));
    }

    /** The coverage problem for the flagged images, or null when there are none. */
    static Problem problem(List<Flag> flags) {
        if (flags.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(flags.size() == 1 ? "an image" : flags.size() + " images");
        sb.append(" large enough to hold text or a marking ").append(flags.size() == 1 ? "was" : "were")
                .append(" not read: ");
        int shown = Math.min(flags.size(), 5);
        for (int i = 0; i < shown; i++) {
            sb.append(i == 0 ? "" : "; ").append(flags.get(i).image().describe());
        }
        if (flags.size() > shown) {
            sb.append("; and ").append(flags.size() - shown).append(" more");
        }
        return new Problem(Problem.UNREAD_IMAGE, sb.append(". Read them with --ocr or by eye").toString());
    }

    /** Where an image lies, from its edges as fractions of the page measured from the top-left corner. */
    static UnreadImage.Position position(double fromTop, double toBottom, double fromLeft, double toRight) {
        if (toBottom <= 0.25) {
            return UnreadImage.Position.TOP;
        }
        if (toRight <= 0.12 || fromLeft >= 0.88 || fromTop >= 0.90) {
            return UnreadImage.Position.MARGIN;
        }
        return UnreadImage.Position.BODY;
    }
}
