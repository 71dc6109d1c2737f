package org.osr.clean;

/** Personal data the clean tests put into documents: values the bundled {@code mask: true} rules find. */
final class PersonalData {
    /** A resident ID number with a valid check character. */
    static final String ID = "11010519491231002X";
    static final String OTHER_ID = "320106198001010011";
    static final String MOBILE = "13800138000";

    private PersonalData() {
    }
}
