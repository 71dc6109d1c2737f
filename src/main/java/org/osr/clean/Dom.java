package org.osr.clean;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Namespace-aware DOM for the XML parts a cleaner rewrites: no DTDs, no external entities. */
final class Dom {
    private Dom() {
    }

    static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;   // thrown, not also printed on stderr
                }
            });
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read an XML part: " + e.getMessage(), e);
        }
    }

    static void write(Document doc, OutputStream out) throws IOException {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            doc.setXmlStandalone(true);
            t.transform(new DOMSource(doc), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("cannot write an XML part: " + e.getMessage(), e);
        }
    }

    /** Every element named {@code ns:local} under {@code root}, as a list that later removals do not change. */
    static List<Element> all(Node root, String ns, String local) {
        NodeList list = root instanceof Document d ? d.getElementsByTagNameNS(ns, local)
                : ((Element) root).getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static Element child(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** Whether the node still hangs in its document (an ancestor removed earlier takes it along). */
    static boolean attached(Node n) {
        for (Node p = n; p != null; p = p.getParentNode()) {
            if (p.getNodeType() == Node.DOCUMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    static void remove(Node n) {
        if (n.getParentNode() != null) {
            n.getParentNode().removeChild(n);
        }
    }

    /** Replaces the element by its children. */
    static void unwrap(Element e) {
        Node parent = e.getParentNode();
        while (e.getFirstChild() != null) {
            parent.insertBefore(e.getFirstChild(), e);
        }
        parent.removeChild(e);
    }

    static Element ancestor(Node n, String ns, String local) {
        for (Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
            if (p instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
