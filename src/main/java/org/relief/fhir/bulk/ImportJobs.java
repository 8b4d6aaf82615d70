package org.relief.fhir.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.relief.careteam.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports started from the admin page run in the background; the page polls their progress. The jobs live in this
 * node's memory (a page polls the node it started on; a restart forgets the progress, never the imported data, and
 * running the same import again is harmless because imports are idempotent).
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final BulkImport importer;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

    ImportJobs(BulkImport importer) {
        this.importer = importer;
    }

    /** One import: its progress while it runs, then its report (or the error that stopped it). */
    public static final class Job {
        private final UUID id = UUID.randomUUID();
        private final String startedBy;
        private volatile BulkImport.Progress progress;
        private volatile ImportReport report;
        private volatile String error;

        Job(String startedBy) {
            this.startedBy = startedBy;
        }

        public UUID id() {
            return id;
        }

        public String startedBy() {
            return startedBy;
        }

        public BulkImport.Progress progress() {
            return progress;
        }

        public ImportReport report() {
            return report;
        }

        public String error() {
            return error;
        }

        public boolean finished() {
            return report != null || error != null;
        }
    }

    /** Starts importing {@code dir} (which this service deletes when done) and returns the job to poll. */
    public Job start(Actor actor, Path dir, String source) {
        Job job = new Job(actor.username());
        jobs.put(job.id, job);
        Thread t = new Thread(() -> {
            try {
                job.report = importer.importFolder(actor, dir, source, p -> {
                    job.progress = p;
                    log.info("FHIR import {}: {}", job.id, p);
                });
            } catch (IOException | RuntimeException e) {
                job.error = e.toString();
                log.warn("FHIR import {} stopped: {}", job.id, e.toString());
            } finally {
                delete(dir);
            }
        }, "fhir-import-" + job.id);
        t.setDaemon(true);
        t.start();
        return job;
    }

    public Optional<Job> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
