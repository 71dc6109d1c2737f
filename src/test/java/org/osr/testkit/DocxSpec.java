package org.osr.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SampleDocuments#docx(DocxSpec)} puts into a DOCX. Every optional layer is {@code null} when absent.
 *
 * @param title            core property {@code dc:title}
 * @param paragraphs       visible body paragraphs, one per line of the notice
 * @param headerText       text of the default page header
 * @param footerText       text of the default page footer
 * @param hiddenText       a run with {@code w:vanish} appended to the last body paragraph
 * @param deletedText      a tracked deletion ({@code w:del}) forming a deleted paragraph before the body
 * @param commentText      a comment anchored on the first body paragraph
 * @param customProperties custom document properties, in insertion order
 */
public record DocxSpec(String title, List<String> paragraphs, String headerText, String footerText,
                       String hiddenText, String deletedText, String commentText,
                       Map<String, String> customProperties) {

    public DocxSpec {
        paragraphs = List.copyOf(paragraphs);
        // Keep insertion order so the generated file is byte-for-byte reproducible.
        customProperties = Collections.unmodifiableMap(new LinkedHashMap<>(customProperties));
    }

    public static DocxSpec of(String title, List<String> paragraphs) {
        return new DocxSpec(title, paragraphs, null, null, null, null, null, Map.of());
    }

    public DocxSpec withHeader(String text) {
        return new DocxSpec(title, paragraphs, text, footerText, hiddenText, deletedText, commentText, customProperties);
    }

    public DocxSpec withFooter(String text) {
        return new DocxSpec(title, paragraphs, headerText, text, hiddenText, deletedText, commentText, customProperties);
    }

    public DocxSpec withHiddenRun(String text) {
        return new DocxSpec(title, paragraphs, headerText, footerText, text, deletedText, commentText, customProperties);
    }

    public DocxSpec withTrackedDeletion(String text) {
        return new DocxSpec(title, paragraphs, headerText, footerText, hiddenText, text, commentText, customProperties);
    }

    public DocxSpec withComment(String text) {
        return new DocxSpec(title, paragraphs, headerText, footerText, hiddenText, deletedText, text, customProperties);
    }

    public DocxSpec withCustomProperty(String name, String value) {
        Map<String, String> props = new LinkedHashMap<>(customProperties);
        props.put(name, value);
        return new DocxSpec(title, paragraphs, headerText, footerText, hiddenText, deletedText, commentText, props);
    }
}
