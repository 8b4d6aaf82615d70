import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a large FHIR Bulk Data packet from a small one by replicating it with fresh ids: copy k of every resource
 * of a patient (everything but Practitioner, PractitionerRole, Organization, Location, which are written once and
 * shared) has each of the packet's resource ids replaced by a name-based UUID of (k, id), wherever it occurs (ids,
 * references, identifiers), so references stay consistent within a copy. Plain JDK, run as a source file:
 *
 * <pre>java bench/fhir/FhirPacket.java SOURCE_DIR TARGET_DIR MIN_RESOURCES</pre>
 */
public class FhirPacket {

    private static final Set<String> SHARED = Set.of("Practitioner", "PractitionerRole", "Organization", "Location");
    private static final Pattern UUIDS = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ID = Pattern.compile("^\\{\"resourceType\":\"[A-Za-z]+\",\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws IOException {
        Path source = Path.of(args[0]);
        Path target = Path.of(args[1]);
        long wanted = Long.parseLong(args[2]);
        Files.createDirectories(target);
        List<Path> files;
        try (var s = Files.list(source)) {
            files = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().toList();
        }
        Set<String> ids = new HashSet<>();
        long perCopy = 0;
        long shared = 0;
        for (Path f : files) {
            boolean isShared = SHARED.contains(type(f));
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = ID.matcher(line);
                if (!isShared && m.find()) {
                    ids.add(m.group(1));
                }
                if (isShared) {
                    shared++;
                } else {
                    perCopy++;
                }
            }
        }
        long copies = Math.max(1, (wanted - shared + perCopy - 1) / perCopy);
        long written = 0;
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            try (BufferedWriter out = Files.newBufferedWriter(target.resolve(f.getFileName()), StandardCharsets.UTF_8)) {
                if (SHARED.contains(type(f))) {
                    for (String line : lines) {
                        if (!line.isBlank()) {
                            out.write(line);
                            out.write('\n');
                            written++;
                        }
                    }
                    continue;
                }
                for (long k = 0; k < copies; k++) {
                    for (String line : lines) {
                        if (line.isBlank()) {
                            continue;
                        }
                        out.write(rewrite(line, k, ids));
                        out.write('\n');
                        written++;
                    }
                }
            }
        }
        System.out.println(written + " resources (" + copies + " copies of " + perCopy + " plus " + shared
                + " shared) in " + target);
    }

    private static String rewrite(String line, long copy, Set<String> ids) {
        Matcher m = UUIDS.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (m.find()) {
            String id = m.group();
            m.appendReplacement(out, ids.contains(id) ? UUID.nameUUIDFromBytes((copy + "/" + id)
                    .getBytes(StandardCharsets.UTF_8)).toString() : id);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String type(Path f) {
        String name = f.getFileName().toString();
        return name.substring(0, name.indexOf('.'));
    }
}
