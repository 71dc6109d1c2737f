package org.osr.extract;

/**
 * A raster image osr did not read (no OCR). Sizes that are not known are null: an image in a ZIP has pixels but no
 * page, an HTML {@code <img>} with a remote source has neither.
 *
 * @param where     the part, page or embedded path that holds it
 * @param page      1-based page, where the format has pages (PDF), else null
 * @param widthPx   pixel width, or null
 * @param heightPx  pixel height, or null
 * @param pageShare displayed area as a share of the page (0–1), or null when the page or the displayed size is unknown
 */
public record UnreadImage(String where, Integer page, Integer widthPx, Integer heightPx, Double pageShare,
                          Position position) {

    /** Where on the page it is shown: a marking sits at the top; a seal or a stamp in a margin. */
    public enum Position { TOP, MARGIN, BODY, UNKNOWN }

    Long pixels() {
        return widthPx == null || heightPx == null ? null : (long) widthPx * heightPx;
    }

    /** For messages: "word/media/image1.png (1240×1754 px, 56% of the page, top)". */
    public String describe() {
        StringBuilder sb = new StringBuilder(where);
        StringBuilder details = new StringBuilder();
        if (widthPx != null && heightPx != null) {
            details.append(widthPx).append('×').append(heightPx).append(" px");
        }
        if (pageShare != null) {
            details.append(details.isEmpty() ? "" : ", ").append(Math.round(pageShare * 100)).append("% of the page");
        }
        if (position != Position.UNKNOWN) {
            details.append(details.isEmpty() ? "" : ", ").append(position.name().toLowerCase(java.util.Locale.ROOT));
        }
        return details.isEmpty() ? sb.toString() : sb.append(" (").append(details).append(')').toString();
    }
}
