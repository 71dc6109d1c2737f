package org.osr.rules.conditions;

import org.osr.extract.Block;

/** The hit's block is a heading (a heading style in Word, h1–h6 in HTML). */
record Heading() implements Condition {
    @Override
    public boolean holds(HitSite site) {
        return site.block() != null && site.block().kind() == Block.Kind.HEADING;
    }

    @Override
    public String describe() {
        return "in a heading";
    }
}
