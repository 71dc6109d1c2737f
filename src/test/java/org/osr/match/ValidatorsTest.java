package org.osr.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
    private static final List<String> REGIONS = List.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82", "83");
    private static final String ID_CHECK_CHARS = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String USCC_AUTHORITIES = "123456789ANY";

    // Independent reference implementations, so the generators do not reuse the code under test.

    private static char idCheck(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int s = 0;
        for (int i = 0; i < 17; i++) {
            s += Character.getNumericValue(first17.charAt(i)) * w[i];
        }
        return ID_CHECK_CHARS.charAt(s % 11);
    }

    private static char usccCheck(String first17) {
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int s = 0;
        for (int i = 0; i < 17; i++) {
            s += USCC_CHARS.indexOf(first17.charAt(i)) * w[i];
        }
        int c = 31 - s % 31;
        return USCC_CHARS.charAt(c == 31 ? 0 : c);
    }

    /** The digit that makes {@code prefix + digit} pass Luhn. */
    private static char luhnCheck(String prefix) {
        for (char d = '0'; d <= '9'; d++) {
            String n = prefix + d;
            int s = 0;
            boolean dbl = false;
            for (int i = n.length() - 1; i >= 0; i--) {
                int v = n.charAt(i) - '0';
                if (dbl) {
                    v *= 2;
                    if (v > 9) {
                        v -= 9;
                    }
                }
                s += v;
                dbl = !dbl;
            }
            if (s % 10 == 0) {
                return d;
            }
        }
        throw new AssertionError("unreachable");
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String randomId(Random r) {
        LocalDate start = LocalDate.of(1900, 1, 1);
        long days = start.until(LocalDate.now()).toTotalMonths() * 28; // stays safely in the past
        LocalDate birth = start.plusDays(r.nextLong(days));
        String seq = String.format("%03d", 1 + r.nextInt(999));
        String first17 = REGIONS.get(r.nextInt(REGIONS.size())) + digits(r, 4)
                + birth.toString().replace("-", "") + seq;
        return first17 + idCheck(first17);
    }

    private static String randomUscc(Random r) {
        StringBuilder b = new StringBuilder();
        b.append(USCC_AUTHORITIES.charAt(r.nextInt(USCC_AUTHORITIES.length())));
        b.append(USCC_CHARS.charAt(r.nextInt(USCC_CHARS.length())));
        b.append(digits(r, 6));
        for (int i = 0; i < 9; i++) {
            b.append(USCC_CHARS.charAt(r.nextInt(USCC_CHARS.length())));
        }
        return b.toString() + usccCheck(b.toString());
    }

    private static String randomCard(Random r) {
        String prefix = (char) ('1' + r.nextInt(9)) + digits(r, 14 + r.nextInt(4));
        return prefix + luhnCheck(prefix);
    }

    private static String withLast(String s, char c) {
        return s.substring(0, s.length() - 1) + c;
    }

    // --- resident identity number ---

    @Test
    void knownResidentIdsAreValid() {
        assertThat(Validators.residentId("11010519491231002X")).isTrue();
        assertThat(Validators.residentId("320106198001010011")).isTrue();
        assertThat(Validators.residentId("810000199408230021")).isTrue();
        assertThat(Validators.residentId("830000199201300022")).isTrue();
    }

    @Test
    void residentIdAcceptsLowerCaseXAndSeparators() {
        assertThat(Validators.residentId("11010519491231002x")).isTrue();
        assertThat(Validators.residentId("110105 19491231 002X")).isTrue();
        assertThat(Validators.residentId("110105-19491231-002x")).isTrue();
    }

    @Test
    void residentIdRejectsBadCheckDateRegionAndShape() {
        assertThat(Validators.residentId("110105194912310021")).as("bad check").isFalse();
        assertThat(Validators.residentId("202401011234567890")).as("order number").isFalse();
        assertThat(Validators.residentId(fixId("110105194913310021"))).as("month 13").isFalse();
        assertThat(Validators.residentId(fixId("110105194902300021"))).as("30 Feb").isFalse();
        assertThat(Validators.residentId(fixId("001051194912310021"))).as("region 00").isFalse();
        assertThat(Validators.residentId(fixId("000105194912310021"))).as("region 00").isFalse();
        assertThat(Validators.residentId(fixId("110105194912310001"))).as("sequence 000").isFalse();
        assertThat(Validators.residentId(fixId("110105189912310021"))).as("before 1900").isFalse();
        assertThat(Validators.residentId("11010519491231002")).as("17 chars").isFalse();
        assertThat(Validators.residentId("11010519491231002XX")).as("19 chars").isFalse();
        assertThat(Validators.residentId("1101051949123100X1")).as("X not last").isFalse();
        assertThat(Validators.residentId("")).isFalse();
        assertThat(Validators.residentId(null)).isFalse();
    }

    @Test
    void residentIdChecksLeapYearsAndFuture() {
        assertThat(Validators.residentId(fixId("110105200002290021"))).as("2000-02-29").isTrue();
        assertThat(Validators.residentId(fixId("110105190002290021"))).as("1900-02-29").isFalse();
        assertThat(Validators.residentId(fixId("110105200402290021"))).as("2004-02-29").isTrue();
        assertThat(Validators.residentId(fixId("110105200302290021"))).as("2003-02-29").isFalse();
        String tomorrow = LocalDate.now().plusDays(1).toString().replace("-", "");
        assertThat(Validators.residentId(fixId("110105" + tomorrow + "0021"))).as("future").isFalse();
        String today = LocalDate.now().toString().replace("-", "");
        assertThat(Validators.residentId(fixId("110105" + today + "0021"))).as("today").isTrue();
    }

    /** The 18-char id with its check char replaced by the correct one. */
    private static String fixId(String id) {
        return withLast(id, idCheck(id.substring(0, 17)));
    }

    @Test
    void generatedResidentIdsValidateAndAnyOtherCheckCharFails() {
        Random r = new Random(11643);
        for (int n = 0; n < 1000; n++) {
            String id = randomId(r);
            assertThat(Validators.residentId(id)).as(id).isTrue();
            assertThat(Validators.residentId(id.toLowerCase(Locale.ROOT))).as(id).isTrue();
            for (char c : ID_CHECK_CHARS.toCharArray()) {
                if (c != id.charAt(17)) {
                    assertThat(Validators.residentId(withLast(id, c))).as(id + " -> " + c).isFalse();
                }
            }
        }
    }

    // --- unified social credit code ---

    @Test
    void knownUsccIsValidInEitherCase() {
        assertThat(Validators.unifiedSocialCreditCode("911101051234567883")).isTrue();
        String mixed = fixUscc("91110105MA01ABCDE0");
        assertThat(Validators.unifiedSocialCreditCode(mixed)).isTrue();
        assertThat(Validators.unifiedSocialCreditCode(mixed.toLowerCase(Locale.ROOT))).isTrue();
        assertThat(Validators.unifiedSocialCreditCode("9111-0105 1234 567883")).isTrue();
    }

    @Test
    void usccRejectsBadCheckCharsetAuthorityAndShape() {
        assertThat(Validators.unifiedSocialCreditCode("911101051234567884")).as("bad check").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("91110105MA01ABCIE0"))).as("I").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("91110105MA01ABCOE0"))).as("O").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("91110105MA01ABCSE0"))).as("S").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("91110105MA01ABCVE0"))).as("V").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("91110105MA01ABCZE0"))).as("Z").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("9111A105MA01ABCDE0"))).as("letter in 3-8").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("011101051234567880"))).as("authority 0").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("B11101051234567880"))).as("authority B").isFalse();
        assertThat(Validators.unifiedSocialCreditCode("91110105123456788")).as("17 chars").isFalse();
        assertThat(Validators.unifiedSocialCreditCode("9111010512345678830")).as("19 chars").isFalse();
        assertThat(Validators.unifiedSocialCreditCode(null)).isFalse();
    }

    @Test
    void usccAcceptsEveryAssignedAuthority() {
        for (char a : USCC_AUTHORITIES.toCharArray()) {
            assertThat(Validators.unifiedSocialCreditCode(fixUscc(a + "11101051234567880"))).as("" + a).isTrue();
        }
    }

    @Test
    void usccDoesNotRequireTheOrganisationCodeCheck() {
        // Position 17 of this code is not the organisation-code check of positions 9-16
        // (12345678 would need 8), yet the position-18 check holds.
        assertThat(Validators.unifiedSocialCreditCode(fixUscc("911101051234567800"))).isTrue();
    }

    private static String fixUscc(String code) {
        return withLast(code, usccCheck(code.substring(0, 17)));
    }

    @Test
    void generatedUsccsValidateAndAnyOtherCheckCharFails() {
        Random r = new Random(32100);
        for (int n = 0; n < 1000; n++) {
            String code = randomUscc(r);
            assertThat(Validators.unifiedSocialCreditCode(code)).as(code).isTrue();
            assertThat(Validators.unifiedSocialCreditCode(code.toLowerCase(Locale.ROOT))).as(code).isTrue();
            for (char c : USCC_CHARS.toCharArray()) {
                if (c != code.charAt(17)) {
                    assertThat(Validators.unifiedSocialCreditCode(withLast(code, c))).as(code + " -> " + c).isFalse();
                }
            }
        }
    }

    // --- Luhn ---

    @Test
    void knownCardNumbers() {
        assertThat(Validators.luhn("6217000000000000004")).isTrue();
        assertThat(Validators.luhn("4111111111111111")).isTrue();
        assertThat(Validators.luhn("5432123456788881")).isTrue();
        assertThat(Validators.luhn("4111 1111 1111 1111")).isTrue();
        assertThat(Validators.luhn("4111-1111-1111-1111")).isTrue();
        assertThat(Validators.luhn("6222021234567890123")).isFalse();
        assertThat(Validators.luhn("4111111111111112")).isFalse();
    }

    @Test
    void luhnRequires16To19Digits() {
        String p15 = "41111111111111";
        assertThat(Validators.luhn(p15 + luhnCheck(p15))).as("15 digits").isFalse();
        String p20 = "4111111111111111111";
        assertThat(Validators.luhn(p20 + luhnCheck(p20))).as("20 digits").isFalse();
        assertThat(Validators.luhn("411111111111111a")).isFalse();
        assertThat(Validators.luhn("４１１１１１１１１１１１１１１１")).as("non-ASCII digits").isFalse();
        assertThat(Validators.luhn("")).isFalse();
        assertThat(Validators.luhn(null)).isFalse();
    }

    @Test
    void generatedCardNumbersValidateAndAnyOtherCheckDigitFails() {
        Random r = new Random(7812);
        for (int n = 0; n < 1000; n++) {
            String card = randomCard(r);
            assertThat(card.length()).isBetween(16, 19);
            assertThat(Validators.luhn(card)).as(card).isTrue();
            for (char c = '0'; c <= '9'; c++) {
                if (c != card.charAt(card.length() - 1)) {
                    assertThat(Validators.luhn(withLast(card, c))).as(card + " -> " + c).isFalse();
                }
            }
        }
    }

    // --- dispatch ---

    @Test
    void dispatchesByName() {
        assertThat(Validators.NAMES).containsExactlyInAnyOrder("cn-resident-id", "cn-uscc", "luhn");
        assertThat(Validators.valid("cn-resident-id", "11010519491231002x")).isTrue();
        assertThat(Validators.valid("cn-uscc", "911101051234567883")).isTrue();
        assertThat(Validators.valid("luhn", "4111111111111111")).isTrue();
        assertThat(Validators.valid("luhn", "11010519491231002X")).isFalse();
        assertThat(Validators.valid("cn-resident-id", "4111111111111111")).isFalse();
    }

    @Test
    void unknownNameIsRejected() {
        assertThatThrownBy(() -> Validators.valid("iban", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iban");
    }
}
