package org.relief.fhir.bulk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code --import=DIR}: imports a folder of FHIR Bulk Data ndjson, prints progress and the report, and exits (status
 * 0 when nothing failed, 2 otherwise). {@code --import-as=USERNAME} names the coordinating physician (default
 * {@code relief.fhir.import.acts-as}); {@code --import-source=URI} the sending system (default: from the data).
 * Runs once the application is ready, after the demo clinic is seeded.
 */
@Component
class ImportCommand {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    private final ApplicationArguments args;
    private final BulkImport importer;
    private final ApplicationContext context;
    private final String defaultPhysician;

    ImportCommand(
            ApplicationArguments args,
            BulkImport importer,
            ApplicationContext context,
            @Value("${relief.fhir.import.acts-as:dr.patel}") String defaultPhysician) {
        this.args = args;
        this.importer = importer;
        this.context = context;
        this.defaultPhysician = defaultPhysician;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(200)
    void run() throws Exception {
        if (!args.containsOption("import")) {
            return;
        }
        Path dir = Path.of(first("import", "")).toAbsolutePath().normalize();
        int status;
        if (!Files.isDirectory(dir)) {
            System.err.println("--import: " + dir + " is not a folder");
            status = 1;
        } else {
            var actor = importer.importer("command-line", first("import-as", defaultPhysician), "command line");
            System.out.println("Importing FHIR Bulk Data from " + dir + " as " + actor.username());
            long started = System.nanoTime();
            var report =
                    importer.importFolder(actor, dir, first("import-source", null), p -> System.out.println("  " + p));
            System.out.println(report.text());
            // the import's own time (reading, checking and writing; not the start-up): bench/import-vs-copy.sh
            System.out.printf(
                    java.util.Locale.ROOT, "Import took %.3f s%n", (System.nanoTime() - started) / 1_000_000_000.0);
            log.info(
                    "FHIR import of {} finished: {} created, {} updated, {} unchanged, {} skipped, {} failed",
                    dir,
                    report.total(ImportReport.Status.CREATED),
                    report.total(ImportReport.Status.UPDATED),
                    report.total(ImportReport.Status.UNCHANGED),
                    report.total(ImportReport.Status.SKIPPED),
                    report.total(ImportReport.Status.FAILED));
            status = report.failures().isEmpty() ? 0 : 2;
        }
        int code = status;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private String first(String option, String otherwise) {
        List<String> values = args.getOptionValues(option);
        return values == null || values.isEmpty() ? otherwise : values.get(0);
    }
}
