package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DocumentJsonTest {

    @Test
    void everySampleComesBackEqualPartsBlocksAndCoverage() throws Exception {
        TikaExtractor extractor = new TikaExtractor();
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            samples = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThan(5);
        for (Path sample : samples) {
            Document read = extractor.extract(sample, sample.getFileName().toString());
            String json = DocumentJson.toJson(read);
            assertThat(json).doesNotContain("\n");
            assertThat(DocumentJson.fromJson(json)).as(sample.toString()).isEqualTo(read);
        }
    }

    @Test
    void aLoneSurrogateAndControlCharactersSurviveTheTrip() {
        String text = "机密★5年\n第\uD800页\f第二页\u0000\u2028";
        Part part = new Part(PartKind.BODY, text, true, "a.zip!/b.docx", "word/document.xml",
                List.of(new Block(0, 5, Block.Kind.CELL, 1, new Block.Cell(0, 1, 2, true),
                        new Block.Box(0.1, 0.2, 0.3, 0.4, 90))));
        Document doc = new Document("路径/文件.pdf", "ab".repeat(32), 12, "application/pdf", "标题", List.of(part),
                Coverage.of(List.of(part), 2, List.of(new Problem(Problem.UNREAD_IMAGE, "一张图"))));
        Document back = DocumentJson.fromJson(DocumentJson.toJson(doc));
        assertThat(back).isEqualTo(doc);
        assertThat(back.parts().get(0).text()).isEqualTo(text);
    }
}
