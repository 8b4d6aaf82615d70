package org.relief.fhir.bulk;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared Synthea sample (shared/fhir-samples/synthea-bulk-7), found beside the repository (a CI clone has
 * shared/ next to it) or at /work/shared. Missing: a failure in CI (CI=true), a skip elsewhere.
 */
final class SamplePacket {

    private SamplePacket() {}

    static Path syntheaBulk7() {
        List<Path> candidates = List.of(
                Path.of("..", "shared", "fhir-samples", "synthea-bulk-7"),
                Path.of("shared", "fhir-samples", "synthea-bulk-7"),
                Path.of("/work/shared/fhir-samples/synthea-bulk-7"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("Patient.000.ndjson"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        String message = "FHIR sample not found: expected shared/fhir-samples/synthea-bulk-7 beside the repository "
                + "(tried " + candidates + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        assumeTrue(false, message);
        return null;
    }

    /** A copy of the sample in a fresh folder under target/ (removed with the build), to break on purpose. */
    static Path copy() throws IOException {
        Path from = syntheaBulk7();
        Path target = Files.createDirectories(Path.of("target", "fhir-packets"));
        Path to = Files.createTempDirectory(target, "relief-fhir-packet-");
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
