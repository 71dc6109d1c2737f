package org.osr.rules.conditions;

import java.util.List;
import java.util.Locale;
import org.osr.extract.Block;

/**
 * The hit's block lies in one of the named regions of its page. Only formats that place text (PDF, OFD) know;
 * elsewhere the condition does not hold, so packs pair it with {@code first-blocks}.
 */
record Region(List<Area> areas) implements Condition {
    /** Top: the upper fifth of the page. Bottom: below 85 %. Margin: the outer 12 % left or right, or turned text near an edge. */
    enum Area {
        TOP, TOP_LEFT, TOP_RIGHT, BOTTOM, MARGIN;

        boolean contains(Block.Box b) {
            boolean top = b.top() < 0.2;
            boolean turned = b.rotation() == 90 || b.rotation() == 270;
            return switch (this) {
                case TOP -> top;
                case TOP_LEFT -> top && b.left() < 0.5;
                case TOP_RIGHT -> top && b.left() >= 0.5;
                case BOTTOM -> b.bottom() > 0.85;
                case MARGIN -> b.right() < 0.12 || b.left() > 0.88 || (turned && (b.right() < 0.2 || b.left() > 0.8));
            };
        }

        String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Area fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    Region {
        areas = List.copyOf(areas);
    }

    @Override
    public boolean holds(HitSite site) {
        Block b = site.block();
        return b != null && b.box() != null && areas.stream().anyMatch(a -> a.contains(b.box()));
    }

    @Override
    public String describe() {
        return "at the " + String.join(" or ", areas.stream().map(Area::id).toList()) + " of a page";
    }
}
