package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A folder of FHIR Bulk Data ndjson files read as a stream, never whole (issue 10, defect 1: a 125 MB packet read
 * whole ran a 512 MB server out of memory). Bulk Data groups resources by type, one file each, while the import's
 * unit is a patient, so the folder is read twice:
 * <ol>
 * <li>{@link #index}: every line once, with Jackson's streaming parser, for its type, id and patient only (the four
 * kinds of resource other resources reference by identifier, Practitioner, Organization, Location and Patient, are
 * parsed whole, one at a time, for their identifiers and names). What is kept per line is where it is (file, byte
 * offset, length, line number) and whose it is: about 24 bytes, not the resource. What every reference may point at
 * is kept as a 64-bit hash per resource (and per identifier). Lines that cannot be read, belong to no patient or are
 * longer than the limit go into the report at once.</li>
 * <li>{@link #read}: one patient's lines at a time, read back by offset and parsed with HAPI, for {@link
 * PatientImport}; the caller bounds how many patients are in memory at once.</li>
 * </ol>
 * Memory therefore grows with the number of lines by the index only (about 2.5 MB per 100,000 resources) and
 * otherwise with the patients being imported; a patient larger than {@code maxPatientBytes} fails with a reason
 * rather than being read.
 */
final class FolderPacket implements PacketReferences, AutoCloseable {
    // Why over 300 lines: one algorithm: the two-pass streaming reader and its compact index (see the class comment).

    /** Resource types whose identifiers other resources reference conditionally, read whole in the first pass. */
    private static final Set<String> BY_IDENTIFIER = Set.of("Practitioner", "Organization", "Location", "Patient");

    private static final JsonFactory JSON = new JsonFactory();

    /** The most the import reads of one line, and of one patient's resources together. */
    record Limits(int maxLineBytes, long maxPatientBytes) {}

    /** One patient's lines (indexes into the packet's lines) and their size in bytes. */
    record Group(String patientId, boolean present, int[] lines, long bytes) {}

    private final FhirContext fhir;
    private final Limits limits;
    private final List<Path> files = new ArrayList<>();
    private final List<FileChannel> channels = new ArrayList<>();
    private final ThreadLocal<IParser> lenient;
    private final ThreadLocal<IParser> strict;
    private final Set<String> resourceTypes;

    // per line that belongs to a patient (the others are reported in the first pass and forgotten)
    private int count;
    private short[] fileOf = new short[1024];
    private long[] offsetOf = new long[1024];
    private int[] lengthOf = new int[1024];
    private int[] lineNoOf = new int[1024];
    private int[] patientOf = new int[1024];

    private final Map<String, Integer> patientIndex = new HashMap<>();
    private final List<String> patientIds = new ArrayList<>();
    private final BitSet patientPresent = new BitSet();
    private long[] keys = new long[1024];
    private int keyCount;
    private final Map<String, String> names = new HashMap<>();
    private int total;

    private FolderPacket(FhirContext fhir, Limits limits) {
        this.fhir = fhir;
        this.limits = limits;
        this.resourceTypes = Set.copyOf(fhir.getResourceTypes());
        this.lenient = ThreadLocal.withInitial(fhir::newJsonParser);
        this.strict = ThreadLocal.withInitial(
                () -> fhir.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler()));
    }

    /**
     * The first pass over every {@code *.ndjson} file of {@code dir} (in name order): what cannot be imported as part
     * of a patient is reported into {@code report} (unreadable lines, resources of no patient, which are skipped or
     * failed as {@link BulkImport} decides through {@code withoutPatient}).
     */
    static FolderPacket index(
            FhirContext fhir, Path dir, Limits limits, ImportReport report, WithoutPatient withoutPatient)
            throws IOException {
        FolderPacket packet = new FolderPacket(fhir, limits);
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".ndjson"))
                    .sorted()
                    .forEach(packet.files::add);
        }
        if (packet.files.size() > Short.MAX_VALUE) {
            throw new IOException("more than " + Short.MAX_VALUE + " files in one packet");
        }
        try {
            for (int f = 0; f < packet.files.size(); f++) {
                packet.channels.add(FileChannel.open(packet.files.get(f), StandardOpenOption.READ));
                packet.scanFile(f, report, withoutPatient);
            }
        } catch (IOException | RuntimeException e) {
            packet.close();
            throw e;
        }
        Arrays.sort(packet.keys, 0, packet.keyCount);
        return packet;
    }

    /** What the first pass does with a resource that names no patient (reference data, or a failure). */
    interface WithoutPatient {
        void report(String type, String id, String file, int line);
    }

    private void scanFile(int f, ImportReport report, WithoutPatient withoutPatient) throws IOException {
        String name = files.get(f).getFileName().toString();
        String typeFromName = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        try (InputStream in = Files.newInputStream(files.get(f))) {
            LineScanner lines = new LineScanner(in, limits.maxLineBytes());
            while (lines.next()) {
                if (lines.blank()) {
                    continue;
                }
                total++;
                int n = lines.lineNo();
                if (lines.tooLong()) {
                    report.fail(new ImportReport.Failure(
                            typeFromName,
                            null,
                            name,
                            n,
                            "longer than the "
                                    + mb(limits.maxLineBytes())
                                    + " one resource may take (relief.fhir.import.max-resource-size)"
                                    + ": not read"));
                    continue;
                }
                Scan scan = scan(lines.bytes(), lines.length());
                String problem = scan == null || scan.type() == null || !resourceTypes.contains(scan.type())
                        ? "not a FHIR resource: " + hapiComplaint(lines.text())
                        : null;
                if (problem == null && scan.id() == null) {
                    problem = "resource without an id (bulk data resources reference each other by id)";
                }
                if (problem != null) {
                    report.fail(new ImportReport.Failure(
                            scan == null || scan.type() == null ? typeFromName : scan.type(), null, name, n, problem));
                    continue;
                }
                if (BY_IDENTIFIER.contains(scan.type())) {
                    Resource r;
                    try {
                        r = (Resource) lenient.get().parseResource(lines.text());
                    } catch (RuntimeException e) {
                        report.fail(new ImportReport.Failure(
                                scan.type(),
                                null,
                                name,
                                n,
                                "not a FHIR resource: " + NdjsonPacket.firstLine(e.getMessage())));
                        continue;
                    }
                    remember(scan.type(), scan.id(), r);
                } else {
                    addKey(scan.type() + "/" + scan.id());
                }
                String patient = scan.type().equals("Patient") ? scan.id() : scan.patientId();
                if (patient == null) {
                    withoutPatient.report(scan.type(), scan.id(), name, n);
                    continue;
                }
                int p = patientIndex.computeIfAbsent(patient, k -> {
                    patientIds.add(k);
                    return patientIds.size() - 1;
                });
                if (scan.type().equals("Patient")) {
                    patientPresent.set(p);
                }
                keep(f, lines.offset(), lines.length(), n, p);
            }
        }
    }

    private void remember(String type, String id, Resource r) {
        String name = NdjsonPacket.name(r);
        addKey(type + "/" + id);
        if (name != null) {
            names.put(type + "/" + id, name);
        }
        for (Identifier i : NdjsonPacket.identifiers(r)) {
            if (i.hasSystem() && i.hasValue()) {
                String key = type + "?identifier=" + i.getSystem() + "|" + i.getValue();
                addKey(key);
                if (name != null) {
                    names.put(key, name);
                }
            }
        }
    }

    private void keep(int file, long offset, int length, int lineNo, int patient) {
        if (count == offsetOf.length) {
            int size = count * 2;
            fileOf = Arrays.copyOf(fileOf, size);
            offsetOf = Arrays.copyOf(offsetOf, size);
            lengthOf = Arrays.copyOf(lengthOf, size);
            lineNoOf = Arrays.copyOf(lineNoOf, size);
            patientOf = Arrays.copyOf(patientOf, size);
        }
        fileOf[count] = (short) file;
        offsetOf[count] = offset;
        lengthOf[count] = length;
        lineNoOf[count] = lineNo;
        patientOf[count] = patient;
        count++;
    }

    private void addKey(String key) {
        if (keyCount == keys.length) {
            keys = Arrays.copyOf(keys, keyCount * 2);
        }
        keys[keyCount++] = hash(key);
    }

    /** The non-blank lines of the packet (the progress's total). */
    int total() {
        return total;
    }

    /**
     * The patients' groups, in the order their first resource appears: a patient's lines are in file order. The
     * arrays are built here once (an int per line); the lines themselves are read by {@link #read}.
     */
    List<Group> groups() {
        int patients = patientIds.size();
        int[] start = new int[patients + 1];
        for (int i = 0; i < count; i++) {
            start[patientOf[i] + 1]++;
        }
        for (int p = 0; p < patients; p++) {
            start[p + 1] += start[p];
        }
        int[] order = new int[count];
        int[] next = Arrays.copyOf(start, patients);
        for (int i = 0; i < count; i++) {
            order[next[patientOf[i]]++] = i;
        }
        List<Group> groups = new ArrayList<>(patients);
        for (int p = 0; p < patients; p++) {
            int[] lines = Arrays.copyOfRange(order, start[p], start[p + 1]);
            long bytes = 0;
            for (int i : lines) {
                bytes += lengthOf[i];
            }
            groups.add(new Group(patientIds.get(p), patientPresent.get(p), lines, bytes));
        }
        return groups;
    }

    /** The most one patient's resources may take together, in bytes. */
    long maxPatientBytes() {
        return limits.maxPatientBytes();
    }

    /**
     * One line of the packet, read back and parsed by HAPI (strictly too when {@code strictly}): a {@link
     * NdjsonPacket.Line}, or an {@link ImportReport.Failure} when HAPI cannot read it. Safe from several threads.
     */
    Object read(int line, boolean strictly) throws IOException {
        String name = files.get(fileOf[line]).getFileName().toString();
        String typeFromName = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return NdjsonPacket.parse(
                text(line), name, typeFromName, lineNoOf[line], lenient.get(), strictly ? strict.get() : null);
    }

    /** The type and id of a line, read back without HAPI (for lines failed without being imported). */
    ImportReport.Failure failure(int line, String why) throws IOException {
        String name = files.get(fileOf[line]).getFileName().toString();
        byte[] bytes = bytes(line);
        Scan scan = scan(bytes, bytes.length);
        return new ImportReport.Failure(
                scan == null ? name : scan.type(), scan == null ? null : scan.id(), name, lineNoOf[line], why);
    }

    private String text(int line) throws IOException {
        return new String(bytes(line), StandardCharsets.UTF_8);
    }

    private byte[] bytes(int line) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(lengthOf[line]);
        FileChannel channel = channels.get(fileOf[line]);
        long at = offsetOf[line];
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, at + buffer.position()) < 0) {
                throw new IOException(files.get(fileOf[line]) + " changed while it was imported");
            }
        }
        return buffer.array();
    }

    @Override
    public boolean resolves(Reference ref) {
        return ref != null
                && ref.hasReference()
                && Arrays.binarySearch(keys, 0, keyCount, hash(ref.getReference())) >= 0;
    }

    @Override
    public String nameOf(Reference ref) {
        String name = ref == null || !ref.hasReference() ? null : names.get(ref.getReference());
        return name != null ? name : ref != null && ref.hasDisplay() ? ref.getDisplay() : null;
    }

    @Override
    public void close() {
        for (FileChannel c : channels) {
            try {
                c.close();
            } catch (IOException ignored) {
                // reading only: nothing is lost
            }
        }
    }

    /** What the first pass reads of a line: its type, id and the patient its subject (or patient) names. */
    private record Scan(String type, String id, String patientId) {}

    /** The top-level resourceType, id, subject.reference and patient.reference of a line; null when not JSON. */
    private static Scan scan(byte[] bytes, int length) {
        String type = null;
        String id = null;
        String subject = null;
        String patient = null;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), bytes, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "resourceType" -> type = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "id" -> id = value == JsonToken.VALUE_STRING ? p.getString() : null;
                    case "subject" -> subject = reference(p, value);
                    case "patient" -> patient = reference(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return null;
        }
        String ref = subject != null && subject.startsWith("Patient/")
                ? subject
                : patient != null && patient.startsWith("Patient/") ? patient : null;
        return new Scan(type, id, ref == null ? null : ref.substring("Patient/".length()));
    }

    /** The {@code reference} of a Reference object the parser is at (then past it); null for anything else. */
    private static String reference(JsonParser p, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String reference = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("reference") && v == JsonToken.VALUE_STRING) {
                reference = p.getString();
            } else {
                p.skipChildren();
            }
        }
        return reference;
    }

    /** What HAPI says about a line it cannot read (only for lines the first pass already found wanting). */
    private String hapiComplaint(String text) {
        try {
            lenient.get().parseResource(text);
            return "no resourceType";
        } catch (RuntimeException e) {
            return NdjsonPacket.firstLine(e.getMessage());
        }
    }

    /** 64-bit FNV-1a with a final mix: collisions among a million keys are about one in ten million. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static String mb(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /**
     * The lines of a file with their byte offsets, one at a time, holding at most {@code max} bytes of one line (a
     * longer line is skipped to its end and marked too long): a line of any length never fills the heap.
     */
    static final class LineScanner {
        private final InputStream in;
        private final int max;
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        private long bufferStart;
        private byte[] line = new byte[1 << 12];
        private int length;
        private long offset;
        private int lineNo;
        private boolean tooLong;
        private boolean eof;

        LineScanner(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        /** Advances to the next line; false at the end of the file. */
        boolean next() throws IOException {
            if (eof && pos >= limit) {
                return false;
            }
            length = 0;
            tooLong = false;
            offset = bufferStart + pos;
            boolean any = false;
            while (true) {
                if (pos >= limit) {
                    bufferStart += limit;
                    pos = 0;
                    limit = in.read(buffer);
                    if (limit <= 0) {
                        limit = 0;
                        eof = true;
                        if (!any) {
                            return false;
                        }
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                append(start, pos);
                if (pos < limit) {
                    pos++; // the newline
                    break;
                }
            }
            lineNo++;
            // a Windows line end
            if (!tooLong && length > 0 && line[length - 1] == '\r') {
                length--;
            }
            return true;
        }

        private void append(int from, int to) {
            int n = to - from;
            if (tooLong || n == 0) {
                return;
            }
            if (length + n > max) {
                tooLong = true;
                return;
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.min(max, Math.max(line.length * 2, length + n)));
            }
            System.arraycopy(buffer, from, line, length, n);
            length += n;
        }

        boolean blank() {
            if (tooLong) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                    return false;
                }
            }
            return true;
        }

        boolean tooLong() {
            return tooLong;
        }

        byte[] bytes() {
            return line;
        }

        int length() {
            return length;
        }

        long offset() {
            return offset;
        }

        int lineNo() {
            return lineNo;
        }

        String text() {
            return new String(line, 0, length, StandardCharsets.UTF_8);
        }
    }
}
