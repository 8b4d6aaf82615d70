package org.relief.fhir.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did, per resource type: created / updated / unchanged / skipped (why) / failed (why, with file,
 * line and resource). Filled from the importing thread and read by the page that shows progress, hence synchronized.
 */
public final class ImportReport {

    /** What happened to one resource. */
    public enum Status {
        CREATED,
        UPDATED,
        UNCHANGED,
        SKIPPED,
        FAILED
    }

    /**
     * One failed resource (or line): where it is and why it failed. {@code internal}: the server's fault (a database
     * error, a bug), not the resource's; its reason then gives only an error reference (the detail is in the log).
     */
    public record Failure(String type, String id, String file, int line, String reason, boolean internal) {

        public Failure(String type, String id, String file, int line, String reason) {
            this(type, id, file, line, reason, false);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + type + (id == null ? "" : "/" + id) + ": " + reason;
        }
    }

    /** The counts of one resource type. */
    public record TypeCounts(
            String type,
            int created,
            int updated,
            int unchanged,
            int skipped,
            int failed,
            Map<String, Integer> skipReasons) {}

    /**
     * What happened to the resource at {@code file:line}: its status, where Relief keeps it ({@code Type/id}, null
     * when skipped or failed) and why when skipped or failed. Kept for transaction Bundles, which answer per entry.
     */
    public record Outcome(String file, int line, String type, Status status, String location, String reason) {}

    private final Map<String, int[]> counts = new TreeMap<>();
    private final Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> skipReasons = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private final boolean whole;
    private int failed;
    private int patients;

    /**
     * {@code whole}: the report of a transaction Bundle, which answers per entry: every outcome and failure is kept.
     * Otherwise (a folder, of any size) only counts grow: the first {@value #KEPT_FAILURES} failures are kept with
     * their reasons, and at most {@value #KEPT_SKIP_REASONS} skip reasons per type.
     */
    ImportReport(boolean whole) {
        this.whole = whole;
    }

    /** How many failures a folder's report keeps with their reasons (the rest are counted). */
    static final int KEPT_FAILURES = 10_000;

    static final int KEPT_SKIP_REASONS = 50;

    synchronized void count(String type, Status status) {
        counts.computeIfAbsent(type, t -> new int[Status.values().length])[status.ordinal()]++;
    }

    synchronized void skip(String type, String reason) {
        count(type, Status.SKIPPED);
        Map<String, Integer> reasons = skipReasons.computeIfAbsent(type, t -> new TreeMap<>());
        reasons.merge(
                whole || reasons.size() < KEPT_SKIP_REASONS || reasons.containsKey(reason) ? reason : "other reasons",
                1,
                Integer::sum);
    }

    synchronized void fail(Failure failure) {
        count(failure.type(), Status.FAILED);
        failed++;
        if (whole || failures.size() < KEPT_FAILURES) {
            failures.add(failure);
        }
        outcome(new Outcome(failure.file(), failure.line(), failure.type(), Status.FAILED, null, failure.reason()));
    }

    synchronized void outcome(Outcome outcome) {
        if (!whole) {
            return; // a folder's report does not grow with every resource
        }
        outcomes.putIfAbsent(outcome.file() + ":" + outcome.line(), outcome);
    }

    /** The outcome of the resource at {@code file:line}, if the import recorded one. */
    public synchronized java.util.Optional<Outcome> outcomeOf(String file, int line) {
        return java.util.Optional.ofNullable(outcomes.get(file + ":" + line));
    }

    synchronized void patientImported() {
        patients++;
    }

    public synchronized int patientsImported() {
        return patients;
    }

    public synchronized int total(Status status) {
        return counts.values().stream().mapToInt(c -> c[status.ordinal()]).sum();
    }

    public synchronized int countOf(String type, Status status) {
        int[] c = counts.get(type);
        return c == null ? 0 : c[status.ordinal()];
    }

    public synchronized List<TypeCounts> byType() {
        return counts.entrySet().stream()
                .map(e -> new TypeCounts(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4],
                        Map.copyOf(skipReasons.getOrDefault(e.getKey(), Map.of()))))
                .toList();
    }

    /** The failures kept with their reasons (a folder's report keeps the first {@value #KEPT_FAILURES}). */
    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** How many resources (or lines) failed, kept or not. */
    public synchronized int failedCount() {
        return failed;
    }

    /** The report as the command line prints it. */
    public synchronized String text() {
        StringBuilder out = new StringBuilder(String.format(
                "%-22s %8s %8s %9s %8s %7s%n",
                "resource type", "created", "updated", "unchanged", "skipped", "failed"));
        for (TypeCounts t : byType()) {
            out.append(String.format(
                    "%-22s %8d %8d %9d %8d %7d%n",
                    t.type(), t.created(), t.updated(), t.unchanged(), t.skipped(), t.failed()));
            t.skipReasons().forEach((why, n) -> out.append(String.format("    skipped %d: %s%n", n, why)));
        }
        out.append(patients).append(" patients imported\n");
        if (!failures.isEmpty()) {
            out.append("Failed:\n");
            failures.stream().limit(200).forEach(f -> out.append("  ").append(f).append('\n'));
            if (failed > 200) {
                out.append("  ... and ").append(failed - 200).append(" more\n");
            }
        }
        return out.toString();
    }
}
