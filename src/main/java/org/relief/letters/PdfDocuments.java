package org.relief.letters;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * HTML (XHTML from a Thymeleaf template) to PDF with openhtmltopdf on PDFBox 3: tagged for accessibility (PDF/UA:
 * a structure tree, the document title shown, the language set, alternative text on images), PDF/A-2a, with the
 * DejaVu Sans fonts embedded (their licence beside them in {@code letters/fonts}) and the sRGB colour profile.
 *
 * <p>The same input gives the same bytes: the creation and modification dates are the document's own date (from
 * the record, never the clock), and the document id is a hash of the HTML and that date (PDFBox would otherwise
 * derive it from the time of writing).
 */
public final class PdfDocuments {

    /** The font family the templates name. */
    public static final String FONT = "DejaVu Sans";

    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final String PRODUCER = "Relief (openhtmltopdf on PDFBox)";

    static {
        // openhtmltopdf logs every render at INFO on its own: keep its warnings (a PDF/UA gap, a missing font) only
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private PdfDocuments() {}

    /**
     * Renders one document.
     *
     * @param xhtml the well-formed XHTML (its {@code <title>} becomes the PDF title, {@code <meta name="subject">} its
     *     description, which PDF/UA asks for)
     * @param dated the document's own date: its creation and modification date, and part of its id
     */
    public static byte[] render(String xhtml, LocalDate dated) {
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        when.clear();
        when.setTimeInMillis(dated.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setCreationDate(when);
            info.setModificationDate(when);
            info.setProducer(PRODUCER);
            info.setCreator(PRODUCER);
            PdfRendererBuilder builder = new PdfRendererBuilder()
                    .usePDDocument(doc)
                    .usePdfUaAccessibility(true)
                    .usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_A)
                    .useColorProfile(SRGB)
                    .withProducer(PRODUCER)
                    .withHtmlContent(xhtml, "classpath:/letters/");
            // templates name this family (PDF/A allows no font that is not embedded: text in another family would
            // not print, and openhtmltopdf warns "Font list is empty")
            font(builder, FONT, "DejaVuSans.ttf", 400, FontStyle.NORMAL);
            font(builder, FONT, "DejaVuSans-Bold.ttf", 700, FontStyle.NORMAL);
            font(builder, FONT, "DejaVuSans-Oblique.ttf", 400, FontStyle.ITALIC);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
                // openhtmltopdf dates the document now: the record's date replaces it, in the info and the XMP
                PDDocumentInformation written = doc.getDocumentInformation(); // openhtmltopdf made its own
                written.setCreationDate(when);
                written.setModificationDate(when);
                fixXmpDates(doc, dated);
                byte[] id = documentId(xhtml, dated);
                COSArray ids = new COSArray();
                ids.add(new COSString(id));
                ids.add(new COSString(id));
                doc.getDocument().getTrailer().setItem(COSName.ID, ids);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                doc.save(out);
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The PDF could not be made", e);
        }
    }

    private static void font(PdfRendererBuilder builder, String family, String file, int weight, FontStyle style) {
        builder.useFont(
                () -> {
                    InputStream in = PdfDocuments.class.getResourceAsStream("/letters/fonts/" + file);
                    if (in == null) {
                        throw new IllegalStateException("The font " + file + " is missing from letters/fonts");
                    }
                    return in;
                },
                family,
                weight,
                style,
                true);
    }

    private static void fixXmpDates(PDDocument doc, LocalDate dated) throws IOException {
        PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
        if (metadata == null) {
            return;
        }
        String xmp;
        try (InputStream in = metadata.exportXMPMetadata()) {
            xmp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String date =
                dated.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime().toString().replace("Z", "+00:00");
        String fixed = XMP_DATE.matcher(xmp).replaceAll("<xmp:$1>" + date + "</xmp:$1>");
        metadata.importXMPMetadata(fixed.getBytes(StandardCharsets.UTF_8));
    }

    private static final Pattern XMP_DATE = Pattern.compile(
            "<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</xmp:(?:CreateDate|ModifyDate|MetadataDate)>");

    private static byte[] documentId(String xhtml, LocalDate dated) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5"); // the PDF id is 16 bytes, as PDFBox's own
            md5.update(xhtml.getBytes(StandardCharsets.UTF_8));
            md5.update(dated.toString().getBytes(StandardCharsets.UTF_8));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
