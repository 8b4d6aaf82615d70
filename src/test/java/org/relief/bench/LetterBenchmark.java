package org.relief.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relief.letters.ClinicIdentity;
import org.relief.letters.ConsultFacts;
import org.relief.letters.LetterText;
import org.relief.letters.PdfDocuments;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a three-page consult letter (issue 15 aim: under 300 ms per page): the Thymeleaf template to XHTML, then
 * to tagged PDF/UA, PDF/A-2a with embedded fonts, as the application does. {@code letterPdf} is the whole letter;
 * {@code letterHtml} the template alone. Run with {@code BENCH=LetterBenchmark bench/jmh.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LetterBenchmark {

    private SpringTemplateEngine engine;
    private Context context;

    @Setup
    public void setUp() throws Exception {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        LocalDate d = LocalDate.of(2026, 3, 2);
        List<ConsultFacts.Line> exam = new ArrayList<>();
        List<ConsultFacts.Line> tests = new ArrayList<>();
        List<ConsultFacts.InstrumentLine> instruments = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            exam.add(new ConsultFacts.Line(
                    "Examination finding " + (i + 1) + " (" + d + ")",
                    "Range of motion limited in flexion and extension by pain in the lower back, worse on the left"));
            tests.add(new ConsultFacts.Line(
                    "MRI lumbar spine " + (i + 1) + " (imaging)",
                    "resulted " + d + ": L4-L5 disc protrusion contacting the traversing L5 root on the left side"));
            instruments.add(new ConsultFacts.InstrumentLine("Oswestry Disability Index", d, "42", "Severe disability"));
        }
        ConsultFacts facts = new ConsultFacts(
                "Testperson, Dana",
                LocalDate.of(1970, 5, 17),
                "R100001",
                "Dr. Helen Ward",
                "Riverton Family Medicine",
                d.minusDays(40),
                "Low back pain radiating to the left leg for 8 months despite physical therapy and medication.",
                UUID.randomUUID(),
                "Dr. Anika Patel",
                d,
                exam,
                tests,
                instruments,
                List.of(new ConsultFacts.DiagnosisLine("Radiculopathy, lumbar region", "M54.16", "confirmed")),
                1,
                d,
                List.of(new ConsultFacts.TherapyLine(
                        "Physical therapy", "Maria Garcia, DPT", "2x a week", "6 weeks", d, null)),
                List.of(new ConsultFacts.GoalLine("Pain at most 4 of 10 (NRS 4)", d.plusMonths(3))),
                List.of("Ibuprofen 400 mg, as needed, oral"));
        context = new Context(Locale.ENGLISH);
        context.setVariable(
                "clinic", ClinicIdentity.of("Relief Pain Clinic", "1 Main Street, Riverton", "555-0100", ""));
        context.setVariable("title", "Consult letter: Testperson, Dana");
        context.setVariable("facts", facts);
        context.setVariable(
                "text",
                new LetterText(
                        "Physical therapy with Maria Garcia, DPT, 2x a week for 6 weeks.",
                        "Please keep prescribing ibuprofen.",
                        null,
                        d.plusMonths(3),
                        0));
        context.setVariable("draft", false);
        context.setVariable("signedBy", "Dr. Anika Patel");
        context.setVariable("letterDate", d);
        try (PDDocument doc = Loader.loadPDF(letterPdf())) {
            if (doc.getNumberOfPages() != 3) {
                throw new IllegalStateException("the benchmark letter has " + doc.getNumberOfPages() + " pages, not 3");
            }
        }
    }

    @Benchmark
    public String letterHtml() {
        return engine.process("letters/pdf/consult", context);
    }

    @Benchmark
    public byte[] letterPdf() {
        return PdfDocuments.render(engine.process("letters/pdf/consult", context), LocalDate.of(2026, 3, 2));
    }
}
