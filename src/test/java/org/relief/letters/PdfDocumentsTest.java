package org.relief.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfDocumentsTest {

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/><meta name="subject" content="A letter for a test"/><title>A test letter</title>
            <style>body { font-family: 'DejaVu Sans'; }</style></head>
            <body><h1>Consult letter</h1><p>Radiculopathy, lumbar region (M54.16) – naïve “quotes”</p></body></html>
            """;

    @Test
    void theSameInputGivesTheSameBytesTaggedWithItsText() throws Exception {
        byte[] a = PdfDocuments.render(HTML, LocalDate.of(2026, 3, 1));
        byte[] b = PdfDocuments.render(HTML, LocalDate.of(2026, 3, 1));
        java.nio.file.Files.write(java.nio.file.Path.of("target/pdf-a.pdf"), a);
        java.nio.file.Files.write(java.nio.file.Path.of("target/pdf-b.pdf"), b);
        assertThat(java.util.Arrays.equals(a, b)).as("same bytes").isTrue();
        assertThat(PdfDocuments.render(HTML, LocalDate.of(2026, 3, 2))).isNotEqualTo(a);
        try (PDDocument doc = Loader.loadPDF(a)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Radiculopathy, lumbar region (M54.16)");
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("A test letter");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(LocalDate.of(2026, 3, 1)
                            .atStartOfDay(java.time.ZoneOffset.UTC)
                            .toInstant());
        }
    }
}
