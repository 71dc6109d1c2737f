package org.osr.extract;

import java.awt.geom.Point2D;
import java.io.IOException;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Walks one PDF page's content without rendering it and without loading fonts; subclasses listen to the geometry
 * they need (images, filled paths). Path points arrive in device space (the current transformation applied). Forms
 * whose content is not plain page content are not entered ({@link PdfImages#plainContent}).
 */
abstract class PageGeometry extends PDFGraphicsStreamEngine {
    private final Point2D.Float current = new Point2D.Float();

    PageGeometry(PDPage page) {
        super(page);
    }

    @Override
    public void showForm(PDFormXObject form) throws IOException {
        if (PdfImages.plainContent(form.getCOSObject())) {
            super.showForm(form);
        }
    }

    // Text is Tika's business: not showing glyphs spares loading every font.
    @Override
    protected void showText(byte[] string) {
    }

    @Override
    public void drawImage(PDImage image) throws IOException {
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
        current.setLocation(x, y);
    }

    @Override
    public void lineTo(float x, float y) {
        current.setLocation(x, y);
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current.setLocation(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) throws IOException {
    }

    @Override
    public void fillAndStrokePath(int windingRule) throws IOException {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
