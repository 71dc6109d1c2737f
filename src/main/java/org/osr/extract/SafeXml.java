package org.osr.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reading XML parts of a zip package (OOXML, OFD) without trusting them: no DOCTYPE, nothing resolved externally,
 * and each entry capped at {@link #MAX_ENTRY_BYTES} uncompressed bytes counted while reading (declared sizes lie).
 */
final class SafeXml {
    static final long MAX_ENTRY_BYTES = 200L << 20;
    private static final XMLInputFactory FACTORY = newFactory();

    private SafeXml() {
    }

    static InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
        return new Capped(zip.getInputStream(entry), entry.getName());
    }

    static XMLStreamReader reader(InputStream in, ZipEntry entry) throws XMLStreamException {
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(in);
        }
    }

    /** The next event; a DOCTYPE is refused. */
    static int next(XMLStreamReader x, ZipEntry entry) throws XMLStreamException {
        int event = x.next();
        if (event == XMLStreamConstants.DTD) {
            throw new XMLStreamException(entry.getName() + ": DOCTYPE is not allowed in package parts");
        }
        return event;
    }

    /** A StAX factory that reads no DTD and resolves nothing outside the file. */
    static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        try {
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException ignored) {
            // not every StAX implementation knows the JAXP access properties; the settings above suffice
        }
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("refusing to resolve external resource " + systemId);
        });
        return f;
    }

    private static final class Capped extends FilterInputStream {
        private final String name;
        private long count;

        Capped(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > MAX_ENTRY_BYTES) {
                throw new IOException(name + ": uncompressed size exceeds the limit of " + MAX_ENTRY_BYTES + " bytes");
            }
        }
    }
}
