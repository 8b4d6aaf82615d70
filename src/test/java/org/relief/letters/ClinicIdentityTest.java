package org.relief.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClinicIdentityTest {

    @TempDir
    Path dir;

    @Test
    void theAddressIsSplitIntoLinesAndTheLogoBecomesADataAddress() throws Exception {
        Path logo = dir.resolve("logo.png");
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png", logo.toFile());
        ClinicIdentity clinic = ClinicIdentity.of(
                " Riverton Pain Centre ", "1 Main Street, Suite 4\nRiverton, RV 12345", "555-0100", logo.toString());
        assertThat(clinic.name()).isEqualTo("Riverton Pain Centre");
        assertThat(clinic.addressLines()).containsExactly("1 Main Street", "Suite 4", "Riverton", "RV 12345");
        assertThat(clinic.logoDataUri()).startsWith("data:image/png;base64,iVBOR");
        assertThat(ClinicIdentity.of("A", "", "", "").logoDataUri()).isNull();
    }

    @Test
    void aLogoThatIsNotAPictureFileOrCannotBeReadStopsTheStartNamingIt() throws Exception {
        Path gif = Files.writeString(dir.resolve("logo.gif"), "GIF89a");
        assertThatThrownBy(() -> ClinicIdentity.of("A", "", "", gif.toString()))
                .hasMessageContaining("RELIEF_CLINIC_LOGO")
                .hasMessageContaining("logo.gif");
        assertThatThrownBy(() -> ClinicIdentity.of(
                        "A", "", "", dir.resolve("missing.png").toString()))
                .hasMessageContaining("RELIEF_CLINIC_LOGO")
                .hasMessageContaining("missing.png");
    }

    @Test
    void theLogoIsPrintedWithItsAlternativeText() throws Exception {
        Path logo = dir.resolve("logo.png");
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", logo.toFile());
        ClinicIdentity clinic = ClinicIdentity.of("Riverton Pain Centre", "1 Main Street", "555-0100", logo.toString());
        String html = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>T</title>
                <meta name="subject" content="s"/><style>body { font-family: 'DejaVu Sans'; }</style></head><body>
                <img src="%s" alt="%s logo"/><p>%s, %s</p></body></html>
                """.formatted(clinic.logoDataUri(), clinic.name(), clinic.name(), clinic.phone());
        byte[] pdf = PdfDocuments.render(html, LocalDate.of(2026, 1, 5));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Riverton Pain Centre, 555-0100");
            assertThat(doc.getPage(0).getResources().getXObjectNames()).isNotEmpty();
        }
    }
}
