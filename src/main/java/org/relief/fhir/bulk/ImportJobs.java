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
 * Imports started from the admin page run in the background, one at a time (a second waits for the first: two large
 * imports at once would need twice the memory); the page polls their progress. A failing import (a bug, the disk,
 * memory running out) stops that import with its reason on the page; the server carries on. The jobs live in this
 * node's memory (a page polls the node it started on; a restart forgets the progress, never the imported data, and
 * running the same import again is harmless because imports are idempotent).
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final BulkImport importer;
    private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService runner =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "fhir-import");
                t.setDaemon(true);
                return t;
            });

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
        private volatile boolean running;

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

        /** Waiting for the import before it (imports run one at a time). */
        public boolean waiting() {
            return !running && !finished();
        }

        public boolean finished() {
            return report != null || error != null;
        }
    }

    /** Starts importing {@code dir} (which this service deletes when done) and returns the job to poll. */
    public Job start(Actor actor, Path dir, String source) {
        Job job = new Job(actor.username());
        jobs.put(job.id, job);
        runner.execute(() -> {
            try {
                job.running = true;
                job.report = importer.importFolder(actor, dir, source, p -> {
                    job.progress = p;
                    log.info("FHIR import {}: {}", job.id, p);
                });
            } catch (IOException | RuntimeException e) {
                job.error = e.getMessage() == null ? e.toString() : e.getMessage();
                log.warn("FHIR import {} stopped: {}", job.id, e.toString());
            } catch (OutOfMemoryError e) {
                // the import's objects are garbage once it unwinds: the server itself carries on
                job.error = "the import ran out of memory and stopped (the patients imported so far are whole; "
                        + "importing again carries on): lower relief.fhir.import.batch-size or give Relief more memory";
                log.error("FHIR import {} ran out of memory", job.id);
            } finally {
                job.running = false;
                delete(dir);
            }
        });
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
