package org.osr.match;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** Checksum validators for candidate identifiers; a rule names one with {@code validate:}. */
public final class Validators {
    public static final Set<String> NAMES = Set.of("cn-resident-id", "cn-uscc", "luhn");

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_CHARS = "10X98765432";
    /** Province-level codes; 81/82/83 are residence permits for HK, Macao and Taiwan residents. */
    private static final Set<String> ID_REGIONS = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");

    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** Registration-authority codes assigned by GB 32100-2015 and its amendments. */
    private static final String USCC_AUTHORITIES = "123456789ANY";

    private Validators() {
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static boolean valid(String name, String value) {
        return switch (name) {
            case "cn-resident-id" -> residentId(value);
            case "cn-uscc" -> unifiedSocialCreditCode(value);
            case "luhn" -> luhn(value);
            default -> throw new IllegalArgumentException("unknown validator: " + name);
        };
    }

    /** GB 11643-1999 citizen identity number (also HK/Macao/Taiwan residence permits). */
    static boolean residentId(String value) {
        String id = compact(value);
        if (id == null || !id.matches("\\d{17}[0-9X]")) {
            return false;
        }
        return ID_REGIONS.contains(id.substring(0, 2))
                && plausibleBirthDate(id.substring(6, 14))
                && !id.startsWith("000", 14)
                && id.charAt(17) == residentIdCheckChar(id);
    }

    /** ISO 7064 MOD 11-2 over the first 17 digits. */
    static char residentIdCheckChar(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK_CHARS.charAt(sum % 11);
    }

    private static boolean plausibleBirthDate(String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        if (year < 1900) {
            return false;
        }
        try {
            return !LocalDate.of(year, month, day).isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** GB 32100-2015 unified social credit code; only the final (position 18) check is required. */
    static boolean unifiedSocialCreditCode(String value) {
        String code = compact(value);
        if (code == null || code.length() != 18 || USCC_AUTHORITIES.indexOf(code.charAt(0)) < 0) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (USCC_CHARS.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        // Position 17 (organisation-code check) is deliberately not verified: real codes fail it.
        return code.substring(2, 8).chars().allMatch(Character::isDigit)
                && code.charAt(17) == usccCheckChar(code);
    }

    /** The position-18 check character for the first 17 characters of {@code code} (upper case). */
    static char usccCheckChar(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    /** Bank card numbers: 16 to 19 digits passing the Luhn check. */
    static boolean luhn(String value) {
        String digits = compact(value);
        if (digits == null || !digits.matches("\\d{16,19}")) {
            return false;
        }
        return luhnSum(digits) % 10 == 0;
    }

    /** Luhn sum of {@code digits}, doubling every second digit from the right. */
    static int luhnSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum;
    }

    /** Upper-cased value without spaces or hyphens; null stays null. */
    private static String compact(String value) {
        return value == null ? null : value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
