package org.osr.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Damages real files the way copies, downloads and broken tools do: cut short, or (PDF) with pages lost from the
 * page tree or their content gone. The PDF edits work on a PDF saved by {@link #uncompressedPdf} (every object in
 * plain sight, in order: page tree, pages, their content, fonts), so raw byte edits can find the objects.
 */
public final class Damage {
    private Damage() {
    }

    /** The first {@code fraction} of the bytes, as a copy or download that stopped. */
    public static byte[] cut(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    public static byte[] withoutLast(byte[] bytes, int count) {
        return Arrays.copyOf(bytes, bytes.length - count);
    }

    /** The same PDF without object streams and cross-reference streams: a clean twin for the edits below. */
    public static byte[] uncompressedPdf(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return save(doc);
        }
    }

    /**
     * The first stream's /Length renamed (same bytes, so the cross-reference table still fits): PDFBox reads the
     * stream to its end marker and says so only in its log, which osr names as damage worked around.
     */
    public static byte[] pdfStreamWithoutLength(byte[] uncompressedPdf) {
        return bytes(latin1(uncompressedPdf).replaceFirst("/Length ", "/Lxngth "));
    }

    /** Page {@code index} (0-based) taken out of the page tree's /Kids while /Count still counts it. */
    public static byte[] pdfWithoutPage(byte[] pdf, int index) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pageTree(doc).getCOSArray(COSName.KIDS).remove(index);
            return save(doc);
        }
    }

    /** The page tree's entry for page {@code index} points at an object number the file does not have. */
    public static byte[] pdfPageObjectMissing(byte[] pdf, int index) throws IOException {
        long number;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            number = ((COSObject) pageTree(doc).getCOSArray(COSName.KIDS).get(index)).getObjectNumber();
        }
        String text = latin1(pdf);
        int kids = text.indexOf("/Kids [");
        int end = text.indexOf(']', kids);
        String edited = text.substring(kids, end).replaceAll("\\b" + number + " 0 R", nowhere(text, number) + " 0 R");
        return bytes(text.substring(0, kids) + edited + text.substring(end));
    }

    /** Page {@code index}'s /Contents points at an object number the file does not have. */
    public static byte[] pdfContentObjectMissing(byte[] pdf, int index) throws IOException {
        long number = contentObject(pdf, index);
        String text = latin1(pdf);
        return bytes(text.replace("/Contents " + number + " 0 R", "/Contents " + nowhere(text, number) + " 0 R"));
    }

    /** The file ends in the middle of page {@code index}'s content stream. */
    public static byte[] pdfCutInsideContent(byte[] pdf, int index) throws IOException {
        String text = latin1(pdf);
        int object = text.indexOf("\n" + contentObject(pdf, index) + " 0 obj");
        int stream = text.indexOf("stream", object);
        int end = text.indexOf("endstream", stream);
        return Arrays.copyOf(pdf, (stream + end) / 2);
    }

    /** Page {@code index}'s content replaced by random bytes, stored raw or labelled as FlateDecode. */
    public static byte[] pdfGarbageContent(byte[] pdf, int index, boolean labelledFlate) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSStream garbage = doc.getDocument().createCOSStream();
            byte[] noise = new byte[600];
            new Random(index).nextBytes(noise);
            try (OutputStream out = garbage.createRawOutputStream()) {
                out.write(noise);
            }
            if (labelledFlate) {
                garbage.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            }
            doc.getPage(index).getCOSObject().setItem(COSName.CONTENTS, garbage);
            return save(doc);
        }
    }

    private static long contentObject(byte[] pdf, int index) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return ((COSObject) doc.getPage(index).getCOSObject().getItem(COSName.CONTENTS)).getObjectNumber();
        }
    }

    private static COSDictionary pageTree(PDDocument doc) {
        return doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
    }

    /** An object number of the same width as {@code number} (so no offset moves) that the file does not use. */
    private static long nowhere(String text, long number) {
        long candidate = Long.parseLong("9".repeat(String.valueOf(number).length()));
        if (text.contains("\n" + candidate + " 0 obj") || candidate == number) {
            throw new IllegalStateException("no unused object number as wide as " + number);
        }
        return candidate;
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out, CompressParameters.NO_COMPRESSION);
        return out.toByteArray();
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
