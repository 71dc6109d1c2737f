package org.osr.webarchive;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.osr.sweep.SweepItem;

/**
 * Streams the items of a WARC, or of every {@code archive/*.warc[.gz]} entry of a WACZ in zip order, reading one
 * record ahead of the caller.
 */
final class WebArchiveReader implements ArchiveItems {
    private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z0-9]{1,5})$");

    /** One WARC stream to read: the archive itself, or one entry of a WACZ. */
    private interface WarcSource {
        String name();

        WarcReader open() throws IOException;
    }

    private final Path scratchDir;
    private final Consumer<ArchiveProblem> problems;
    private final PayloadIndex index = new PayloadIndex();
    private final Deque<WarcSource> sources = new ArrayDeque<>();
    private ZipFile zip;
    private WarcReader reader;
    private String readerName;
    private long lastRecord;
    private SweepItem pending;
    private boolean finished;

    WebArchiveReader(Path archive, String displayName, Path scratchDir, Consumer<ArchiveProblem> problems) {
        this.scratchDir = scratchDir;
        this.problems = problems;
        if (WebArchives.isWacz(archive)) {
            try {
                zip = new ZipFile(archive.toFile());
                List<ZipEntry> entries = new ArrayList<>();
                zip.stream().filter(e -> !e.isDirectory() && isWarcEntry(e.getName())).forEach(entries::add);
                for (ZipEntry entry : entries) {
                    ZipFile z = zip;
                    sources.add(new WarcSource() {
                        public String name() {
                            return displayName + "!" + entry.getName();
                        }

                        public WarcReader open() throws IOException {
                            return new WarcReader(z.getInputStream(entry));
                        }
                    });
                }
                if (entries.isEmpty()) {
                    report(displayName, ArchiveProblem.UNREADABLE, "the WACZ holds no archive/*.warc or *.warc.gz entry");
                }
            } catch (IOException e) {
                report(displayName, ArchiveProblem.UNREADABLE, "not a readable zip: " + Payloads.describe(e));
            }
        } else {
            sources.add(new WarcSource() {
                public String name() {
                    return displayName;
                }

                public WarcReader open() throws IOException {
                    return new WarcReader(FileChannel.open(archive));
                }
            });
        }
    }

    static boolean isWarcEntry(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("archive/") && (lower.endsWith(".warc") || lower.endsWith(".warc.gz"));
    }

    @Override
    public boolean hasNext() {
        while (pending == null && !finished) {
            advance();
        }
        return pending != null;
    }

    @Override
    public SweepItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SweepItem item = pending;
        pending = null;
        return item;
    }

    @Override
    public void close() {
        if (pending != null && pending.temporary()) {
            Payloads.delete(pending.file());
        }
        pending = null;
        finished = true;
        closeReader();
        sources.clear();
        if (zip != null) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }

    private void advance() {
        if (reader == null) {
            WarcSource source = sources.poll();
            if (source == null) {
                finished = true;
                return;
            }
            readerName = source.name();
            lastRecord = -1;
            try {
                reader = source.open();
            } catch (IOException | RuntimeException e) {
                report(readerName, ArchiveProblem.UNREADABLE, "not a readable WARC: " + Payloads.describe(e));
                return;
            }
        }
        Optional<WarcRecord> next;
        try {
            next = reader.next();
        } catch (IOException | RuntimeException e) {
            report(lastRecord < 0 ? readerName : readerName + "#" + lastRecord, faultCode(e),
                    (lastRecord < 0 ? "no record can be read: " : "nothing after the record at this offset can be read: ")
                            + Payloads.describe(e));
            closeReader();
            return;
        }
        if (next.isEmpty()) {
            closeReader();
            return;
        }
        WarcRecord record = next.get();
        lastRecord = record.position();
        String where = readerName + "#" + record.position();
        SweepItem item = item(record, where);
        String fault = finish(record);
        if (fault != null) {
            boolean cutShort = fault.startsWith("the archive ends");
            report(where, cutShort ? ArchiveProblem.CUT_SHORT : ArchiveProblem.CORRUPT, fault);
            closeReader();
            if (item != null && item.incomplete() == null) {
                item = withIncomplete(item, fault);
            }
        }
        pending = item;
    }

    /** Reads the rest of the record's block; says what is wrong with the archive, or null when it is whole. */
    private static String finish(WarcRecord record) {
        MessageBody block = record.body();
        try {
            ByteBuffer rest = ByteBuffer.allocate(64 * 1024);
            while (block.read(rest) >= 0) {
                rest.clear();
            }
            long declared = block.size();
            if (block.position() < declared) {
                return "the archive ends inside this record: " + block.position() + " of its " + declared
                        + " bytes are there";
            }
            return null;
        } catch (EOFException e) {
            return "the archive ends inside this record: " + Payloads.describe(e);
        } catch (IOException | RuntimeException e) {
            return "the record cannot be read to its end: " + Payloads.describe(e);
        }
    }

    private static String faultCode(Exception e) {
        return e instanceof EOFException ? ArchiveProblem.CUT_SHORT : ArchiveProblem.CORRUPT;
    }

    private SweepItem item(WarcRecord record, String where) {
        try {
            if (!(record instanceof WarcTargetRecord target)) {
                return null;
            }
            // the fields every item names, before anything is copied: a record without them leaves no file behind
            target.id();
            target.target();
            target.date();
            if (record instanceof WarcRevisit revisit) {
                return revisit(revisit, where);
            }
            if (record instanceof WarcResponse response && !response.target().startsWith("dns:")) {
                return response.contentType().base().toString().equals("application/http")
                        ? response(response, where) : block(response, where);
            }
            if (record instanceof WarcResource resource && !resource.target().startsWith("metadata:")) {
                return block(resource, where);
            }
            return null;
        } catch (UncheckedIOException e) {
            throw e; // this machine's disk, not the archive
        } catch (IOException | RuntimeException e) {
            report(where, ArchiveProblem.CORRUPT, "the record cannot be read as a " + record.type() + " record: "
                    + Payloads.describe(e));
            return null;
        }
    }

    private SweepItem revisit(WarcRevisit revisit, String where) {
        String of = revisit.payloadDigest().map(d -> index.get(digestKey(d))).orElse(null);
        if (of == null) {
            of = revisit.refersTo().map(id -> index.get(idKey(id))).orElse(null);
        }
        return new SweepItem(revisit.id().toString(), revisit.target(), SweepItem.REVISIT, null, false, 0,
                revisit.date(), revisit.date(), of, where, of, null);
    }

    /** A resource record (or a non-HTTP response): the block is the payload, as is. */
    private SweepItem block(WarcTargetRecord record, String where) throws IOException {
        Payloads.Tap tap = new Payloads.Tap(blockStream(record));
        Payloads.Copied copied = Payloads.copy(tap, scratchDir, suffix(record.target(),
                record.contentType().base().toString()));
        return whole(record, where, recordFaults(record, copied), tap,
                record instanceof WarcResource ? SweepItem.RESOURCE : SweepItem.RESPONSE);
    }

    private static InputStream blockStream(WarcRecord record) {
        return new BufferedInputStream(Channels.newInputStream(record.body()), 64 * 1024);
    }

    private SweepItem response(WarcResponse response, String where) throws IOException {
        InputStream block = blockStream(response);
        HttpBodies.Message http;
        try {
            http = HttpBodies.read(block);
        } catch (IOException | RuntimeException e) {
            Payloads.Copied copied = Payloads.copy(block, scratchDir, ".bin")
                    .failing("the HTTP response headers cannot be parsed: " + Payloads.describe(e));
            return item(response, where, copied, SweepItem.RESPONSE);
        }
        HttpResponse head = http.head();
        Payloads.Tap tap = new Payloads.Tap(http.entity());
        String suffix = suffix(response.target(), head.contentType().base().toString());
        List<Coding> encodings = codings(head);
        InputStream decoded = tap;
        String undecodable = null;
        for (int i = encodings.size() - 1; i >= 0 && undecodable == null; i--) {
            Coding coding = encodings.get(i);
            try {
                decoded = HttpBodies.decode(coding.name(), decoded);
                if (decoded == null) {
                    undecodable = coding.header() + " '" + coding.name() + "' cannot be decoded";
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                undecodable = "the body does not decode as " + coding + ": " + Payloads.describe(e);
            }
        }
        Payloads.Copied copied;
        if (undecodable != null) {
            // never the encoded bytes as if they were the document: keep them, but say so
            copied = Payloads.copy(tap, scratchDir, ".bin").failing(undecodable + "; the file holds the encoded bytes");
        } else {
            copied = Payloads.copy(decoded, scratchDir, suffix);
            if (copied.failure() != null) {
                String what = encodings.isEmpty() || copied.failure().contains("chunked")
                        ? "the body cannot be read: "
                        : "the body does not decode as " + encodings.stream().map(Coding::toString)
                                .collect(java.util.stream.Collectors.joining(", ")) + ": ";
                copied = new Payloads.Copied(copied.file(), copied.size(), copied.sha256(), what + copied.failure());
            }
        }
        try {
            tap.drain();
        } catch (IOException | RuntimeException e) {
            copied = copied.failing("the body cannot be read to its end: " + Payloads.describe(e));
        }
        int status = head.status();
        if (copied.size() == 0 && copied.failure() == null && status != 200 && !truncated(response)) {
            // a redirect, a 304 or an empty error page: nothing was served to read
            Payloads.delete(copied.file());
            return null;
        }
        copied = copied.failing(lengthFault(head, tap));
        if (status == 206) {
            copied = copied.failing("HTTP 206 Partial Content: the capture holds only a range of the document");
        }
        return whole(response, where, recordFaults(response, copied), tap, SweepItem.RESPONSE);
    }

    /** A content or transfer coding of the body, named by the header that declares it. */
    private record Coding(String header, String name) {
        @Override
        public String toString() {
            return header + " " + name;
        }
    }

    /**
     * The codings applied to the body, in the order the server applied them: content codings, then transfer codings
     * other than chunked (which {@link HttpBodies} removes); they are undone in reverse.
     */
    private static List<Coding> codings(HttpResponse http) {
        List<Coding> codings = new ArrayList<>();
        for (String header : List.of("Content-Encoding", "Transfer-Encoding")) {
            for (String value : http.headers().all(header)) {
                for (String coding : value.split(",")) {
                    String c = coding.trim().toLowerCase(Locale.ROOT);
                    if (!c.isEmpty() && !c.equals("identity") && !c.equals("none") && !c.equals("chunked")) {
                        codings.add(new Coding(header, c));
                    }
                }
            }
        }
        return codings;
    }

    /** A body shorter than its Content-Length: the capture was cut off. */
    private static String lengthFault(HttpResponse http, Payloads.Tap tap) {
        if (http.headers().all("Transfer-Encoding").stream().anyMatch(v -> v.toLowerCase(Locale.ROOT)
                .contains("chunked"))) {
            return null;
        }
        Optional<String> declared = http.headers().first("Content-Length");
        if (declared.isEmpty()) {
            return null;
        }
        try {
            long length = Long.parseLong(declared.get().trim());
            return tap.count() < length
                    ? "the body is " + tap.count() + " bytes of the " + length + " its Content-Length declares"
                    : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean truncated(WarcRecord record) {
        WarcTruncationReason reason = record.truncated();
        return reason != null && reason != WarcTruncationReason.NOT_TRUNCATED;
    }

    private static Payloads.Copied recordFaults(WarcRecord record, Payloads.Copied copied) {
        if (truncated(record)) {
            copied = copied.failing("the crawler cut this capture short (WARC-Truncated: "
                    + record.headers().first("WARC-Truncated").orElse("unspecified") + ")");
        }
        if (record.segmentNumber().isPresent()) {
            copied = copied.failing("a segmented record: the payload continues in continuation records");
        }
        return copied;
    }

    /** The item for a copied payload; a whole payload is indexed for the revisits that point back at it. */
    private SweepItem whole(WarcTargetRecord record, String where, Payloads.Copied copied, Payloads.Tap tap,
                            String kind) throws IOException {
        if (copied.failure() == null) {
            // the declared digest is usually the SHA-1 of the entity body: one key then serves both
            String computed = "digest:sha1:" + tap.sha1Hex();
            String declared = record.payloadDigest().map(WebArchiveReader::digestKey).orElse(computed);
            if (declared.equals(computed)) {
                index.put(copied.sha256(), idKey(record.id()), computed);
            } else {
                index.put(copied.sha256(), idKey(record.id()), computed, declared);
            }
        }
        return item(record, where, copied, kind);
    }

    private static SweepItem item(WarcTargetRecord record, String where, Payloads.Copied copied, String kind) {
        return new SweepItem(record.id().toString(), record.target(), kind, copied.file(), true, copied.size(),
                record.date(), record.date(), copied.sha256(), where, null, copied.failure());
    }

    private static SweepItem withIncomplete(SweepItem i, String why) {
        return new SweepItem(i.key(), i.item(), i.kind(), i.file(), i.temporary(), i.size(), i.modified(),
                i.captured(), i.sha256(), i.source(), i.revisitOf(), why);
    }

    private static String idKey(URI id) {
        return "id:" + id;
    }

    static String digestKey(WarcDigest digest) {
        try {
            return "digest:" + digest.algorithm().toLowerCase(Locale.ROOT) + ":" + digest.hex();
        } catch (RuntimeException e) {
            return "digest:" + digest.raw();
        }
    }

    /** The file's extension, from the URL's path or the media type, so parsers that look at names see the right one. */
    private static String suffix(String target, String mediaType) {
        try {
            String path = URI.create(target).getPath();
            if (path != null) {
                var m = EXTENSION.matcher(path);
                if (m.find()) {
                    return "." + m.group(1).toLowerCase(Locale.ROOT);
                }
            }
        } catch (IllegalArgumentException ignored) {
            // a URL Java does not accept: fall back to the media type
        }
        try {
            String extension = MimeTypes.getDefaultMimeTypes().forName(mediaType).getExtension();
            return extension.isEmpty() ? ".bin" : extension;
        } catch (MimeTypeException | RuntimeException e) {
            return ".bin";
        }
    }

    private void report(String where, String code, String message) {
        problems.accept(new ArchiveProblem(where, code, message));
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only
            }
            reader = null;
        }
    }
}
