package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML file of an OFD package as a small element tree (local names; OFD has one namespace), read through
 * {@link SafeXml}: no DOCTYPE, nothing external, the entry's bytes counted, and at most {@link #MAX_ELEMENTS}
 * elements, nested at most {@link #MAX_DEPTH} deep, so a page of tiny objects cannot exhaust memory or the stack.
 */
final class OfdXml {
    static final int MAX_ELEMENTS = 2_000_000;
    /** Elements nested deeper than this are refused (the tree is walked recursively). */
    static final int MAX_DEPTH = 256;

    /** An element: local name, attributes by local name, child elements and its own text. */
    record Node(String name, Map<String, String> attributes, List<Node> children, StringBuilder text) {
        String attr(String local) {
            return attributes.get(local);
        }

        Node child(String local) {
            for (Node c : children) {
                if (c.name.equals(local)) {
                    return c;
                }
            }
            return null;
        }

        List<Node> all(String local) {
            return children.stream().filter(c -> c.name.equals(local)).toList();
        }

        /** The text of the named child, stripped, or null. */
        String childText(String local) {
            Node c = child(local);
            return c == null ? null : c.text.toString().strip();
        }

        /** All text below this element, one line per element that holds text. */
        String allText() {
            StringBuilder sb = new StringBuilder();
            collect(this, sb);
            return sb.toString();
        }

        private static void collect(Node n, StringBuilder sb) {
            String own = n.text.toString().strip();
            if (!own.isEmpty()) {
                sb.append(own).append('\n');
            }
            n.children.forEach(c -> collect(c, sb));
        }
    }

    /** Thrown when the part is not well-formed XML or exceeds a limit. */
    static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }
    }

    private OfdXml() {
    }

    static Node read(ZipFile zip, ZipEntry entry) throws Damaged {
        Deque<Node> open = new ArrayDeque<>();
        Node root = null;
        int elements = 0;
        try (InputStream in = SafeXml.open(zip, entry)) {
            XMLStreamReader x = SafeXml.reader(in, entry);
            while (x.hasNext()) {
                int event = SafeXml.next(x, entry);
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (++elements > MAX_ELEMENTS) {
                        throw new Damaged("more than " + MAX_ELEMENTS + " elements; not read");
                    }
                    if (open.size() >= MAX_DEPTH) {
                        throw new Damaged("elements nested more than " + MAX_DEPTH + " levels deep; not read");
                    }
                    Map<String, String> attrs = new LinkedHashMap<>();
                    for (int i = 0; i < x.getAttributeCount(); i++) {
                        attrs.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
                    }
                    Node n = new Node(x.getLocalName(), attrs, new ArrayList<>(), new StringBuilder());
                    if (open.isEmpty()) {
                        root = n;
                    } else {
                        open.peek().children().add(n);
                    }
                    open.push(n);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) && !open.isEmpty()) {
                    open.peek().text().append(x.getText());
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst()
                    .orElse("");
            throw new Damaged(why);
        }
        if (root == null) {
            throw new Damaged("no root element");
        }
        return root;
    }
}
