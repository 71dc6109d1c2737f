package org.osr.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.osr.match.Hit;
import org.osr.source.Digests;

/**
 * A finding's identity: the same finding in the next version of a document has the same fingerprint, so a baseline or
 * a waiver made once keeps applying. (The document's own identity is its content SHA-256, {@link
 * DocumentResult#sha256()}.) The fingerprint is {@code sha256("osr-finding-v2|" + rule id | part kind | value |
 * context)}, where
 * <ul>
 *   <li>no line, page or offset is hashed, so text added above the finding does not change it;</li>
 *   <li>no path is hashed — neither the file's (moving or renaming it keeps its findings) nor the part's source
 *       ({@code word/header1.xml}, {@code section 1 odd header}), which names where a format keeps a part and changes
 *       when the same text is saved as another format or version; the part's kind (body, header, …) stays;</li>
 *   <li>the value is the normalized match; the context is up to {@value #CONTEXT} characters on each side of it with
 *       whitespace dropped, NFKC-folded and every digit written {@code #}, so a re-flowed line (a PDF's line breaks for
 *       a DOCX's paragraphs) reads the same, and two equal markings in different sentences stay apart;</li>
 *   <li>the value of a {@code mask: true} rule (an ID number, a phone number) is never hashed as it is: the masked
 *       match printed beside the fingerprint keeps 8 of an ID number's 18 characters, which leaves a few million
 *       candidates, so a plain or publicly salted hash of the value would give it away in seconds. It enters as
 *       {@code HMAC-SHA256(key, pack id | value)} with a secret key: two different numbers get different
 *       fingerprints, and nobody without the key can test guesses. The key is {@code OSR_FINGERPRINT_KEY} when set
 *       (a team shares it like any CI secret, so its machines agree on fingerprints), else a random key made once
 *       per installation in {@code $XDG_CONFIG_HOME/osr/fingerprint-key} ({@code ~/.config/...}, mode 600), read
 *       only when a masked finding needs it. Where no key can be kept, a key for this run is used: such fingerprints
 *       are then stable only within the run.</li>
 * </ul>
 */
public final class Fingerprint {
    static final int CONTEXT = 8;
    private static final String SCHEME = "osr-finding-v2";

    private final Supplier<byte[]> key;

    private Fingerprint(Supplier<byte[]> key) {
        this.key = key;
    }

    /** With a given secret key (tests, a child process handed the parent's key). */
    public static Fingerprint withKey(byte[] key) {
        byte[] copy = key.clone();
        return new Fingerprint(() -> copy);
    }

    /** With {@code OSR_FINGERPRINT_KEY}, else this installation's key, loaded at the first masked finding. */
    public static Fingerprint installation() {
        return new Fingerprint(new Supplier<>() {
            private byte[] loaded;

            @Override
            public synchronized byte[] get() {
                if (loaded == null) {
                    loaded = installationKey();
                }
                return loaded;
            }
        });
    }

    /** The secret key (loaded now if it was not yet), to hand to a child process so it fingerprints alike. */
    public byte[] key() {
        return key.get().clone();
    }

    public String of(Hit hit) {
        return Digests.sha256(input(hit));
    }

    /** What is hashed; never holds a masked value as it is. */
    String input(Hit hit) {
        String value = hit.rule().mask()
                ? "hmac:" + hmac(hit.rule().pack() + "|" + Redactor.compact(hit.normalizedMatch()))
                : hit.normalizedMatch();
        String text = hit.part().text();
        return SCHEME + "|" + hit.rule().id() + "|" + hit.part().kind().id() + "|" + value + "|"
                + signature(text, 0, hit.start(), true) + "|" + signature(text, hit.end(), text.length(), false);
    }

    static String signature(String side, boolean before) {
        return signature(side, 0, side.length(), before);
    }

    /**
     * Up to {@link #CONTEXT} characters of {@code text[from, to)} next to the match (its end when {@code before}),
     * whitespace dropped, NFKC-folded, digits as '#'. Bounds, not a copy of the side: a document's many findings
     * would otherwise each copy the whole text.
     */
    static String signature(String text, int from, int to, boolean before) {
        StringBuilder sb = new StringBuilder();
        int i = before ? to : from;
        while (sb.length() < CONTEXT && (before ? i > from : i < to)) {
            int cp = before ? Character.codePointBefore(text, i) : Character.codePointAt(text, i);
            i += before ? -Character.charCount(cp) : Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                continue;
            }
            String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
            folded = folded.codePoints().map(c -> Character.isDigit(c) ? '#' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            if (before) {
                sb.insert(0, folded);
            } else {
                sb.append(folded);
            }
        }
        return sb.toString();
    }

    /** HMAC-SHA256 of a value with this key, in hex: an identity for a value that must not be shown. */
    public String keyedHash(String value) {
        return hmac(value);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] installationKey() {
        String given = System.getenv("OSR_FINGERPRINT_KEY");
        if (given != null && !given.isEmpty()) {
            return given.getBytes(StandardCharsets.UTF_8);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path folder = (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config"))
                .resolve("osr");
        Path file = folder.resolve("fingerprint-key");
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.createDirectories(folder);
                Path temp = Files.createTempFile(folder, ".fingerprint-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(temp, HexFormat.of().formatHex(fresh), StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.move(temp, file);   // not REPLACE_EXISTING: a key another run made first wins
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(temp);
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            byte[] run = new byte[32];
            new SecureRandom().nextBytes(run);
            return run;
        }
    }
}
