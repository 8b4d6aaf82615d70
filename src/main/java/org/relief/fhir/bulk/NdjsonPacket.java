package org.relief.fhir.bulk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The entries of one transaction Bundle as a packet, in memory (a Bundle is one request, of bounded size), indexed by
 * type and id and by identifier for conditional references ({@code Practitioner?identifier=system|value}). A folder
 * of ndjson is never read whole: {@link FolderPacket} streams it. {@link Line} and {@link #parse} serve both.
 */
final class NdjsonPacket implements PacketReferences {

    /**
     * One resource and where it came from; {@code structuralError} is what a strict parse refused in it (an unknown
     * element, a bad value), null when it parsed strictly or was not parsed strictly.
     */
    record Line(String file, int line, String json, Resource resource, String structuralError) {

        Line(String file, int line, String json, Resource resource) {
            this(file, line, json, resource, null);
        }

        String type() {
            return resource.fhirType();
        }

        String id() {
            return resource.getIdElement().getIdPart();
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<ImportReport.Failure> unreadable = new ArrayList<>();
    private final Map<String, Line> byTypeAndId = new HashMap<>();
    private final Map<String, Line> byIdentifier = new HashMap<>();

    /** A line as a {@link Line}, a {@link ImportReport.Failure} when it is no resource, or null when blank. */
    static Object parse(String text, String name, String typeFromName, int n, IParser lenient, IParser strict) {
        if (text.isBlank()) {
            return null;
        }
        String structuralError = null;
        Resource r = null;
        if (strict != null) {
            try {
                r = (Resource) strict.parseResource(text);
            } catch (RuntimeException e) {
                structuralError = firstLine(e.getMessage());
            }
        }
        try {
            if (r == null) {
                r = (Resource) lenient.parseResource(text);
            }
        } catch (RuntimeException e) {
            return new ImportReport.Failure(
                    typeFromName, null, name, n, "not a FHIR resource: " + firstLine(e.getMessage()));
        }
        if (!r.getIdElement().hasIdPart()) {
            return new ImportReport.Failure(
                    r.fhirType(),
                    null,
                    name,
                    n,
                    "resource without an id (bulk data resources reference each other by id)");
        }
        return new Line(name, n, text.strip(), r, structuralError);
    }

    /**
     * The entries of a transaction Bundle as a packet ("file" {@code Bundle}, "line" the entry's place from 1).
     * An entry without an id takes the one of its {@code urn:uuid:} full URL (or of its PUT url), and references to
     * full URLs become {@code Type/id}, so the bulk import's reference checks and idempotency apply unchanged: the
     * same Bundle sent again names the same resources.
     */
    static NdjsonPacket fromBundle(FhirContext fhir, org.hl7.fhir.r4.model.Bundle bundle) {
        List<org.relief.shared.FieldProblem> problems = new ArrayList<>();
        if (bundle.getType() != org.hl7.fhir.r4.model.Bundle.BundleType.TRANSACTION) {
            problems.add(new org.relief.shared.FieldProblem("Bundle.type", "must be transaction"));
        }
        Map<String, String> fullUrls = new HashMap<>();
        List<org.hl7.fhir.r4.model.Bundle.BundleEntryComponent> entries = bundle.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            String where = "Bundle.entry[" + i + "]";
            if (!e.hasResource()) {
                problems.add(new org.relief.shared.FieldProblem(where, "has no resource"));
                continue;
            }
            var method = e.getRequest().getMethod();
            if (method != org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST
                    && method != org.hl7.fhir.r4.model.Bundle.HTTPVerb.PUT) {
                problems.add(new org.relief.shared.FieldProblem(
                        where + ".request.method",
                        "must be POST or PUT (Relief accepts resources, it does not delete or read in a transaction)"));
                continue;
            }
            Resource r = e.getResource();
            // HAPI's parser gives a resource without an id its entry's full URL as id: a urn is no id here
            String id =
                    r.getIdElement().hasIdPart() && !r.getIdElement().getValue().startsWith("urn:")
                            ? r.getIdElement().getIdPart()
                            : null;
            if (id == null && e.getFullUrl() != null && e.getFullUrl().startsWith("urn:uuid:")) {
                id = e.getFullUrl().substring("urn:uuid:".length());
            }
            String url = e.getRequest().getUrl();
            if (id == null
                    && method == org.hl7.fhir.r4.model.Bundle.HTTPVerb.PUT
                    && url != null
                    && url.matches("[A-Za-z]+/[A-Za-z0-9\\-.]{1,64}")) {
                id = url.substring(url.indexOf('/') + 1);
            }
            if (id == null && method == org.hl7.fhir.r4.model.Bundle.HTTPVerb.POST) {
                // a create without an id: the server assigns one, as FHIR's POST does (so sending it again creates
                // it again: only an id, or a urn:uuid: fullUrl, lets Relief recognise a resource sent again)
                id = java.util.UUID.randomUUID().toString();
            }
            if (id == null) {
                problems.add(new org.relief.shared.FieldProblem(
                        where,
                        "needs an id or a urn:uuid: fullUrl (Relief "
                                + "recognises a resource sent again by it), or request.method POST (a new resource, given "
                                + "an id by Relief)"));
                continue;
            }
            r.setId(r.fhirType() + "/" + id);
            if (e.hasFullUrl()) {
                fullUrls.put(e.getFullUrl(), r.fhirType() + "/" + id);
            }
        }
        if (!problems.isEmpty()) {
            throw new org.relief.shared.InvalidInputException(problems);
        }
        // each entry's references are rewritten and its JSON (what its content hash is taken of) encoded on its
        // own, so the entries are shared across the cores: a resource is touched by one thread only, and the
        // context is thread-safe (a parser is not: one per task)
        Line[] lines = new Line[entries.size()];
        java.util.stream.IntStream.range(0, entries.size()).parallel().forEach(i -> {
            Resource r = entries.get(i).getResource();
            for (Reference ref : fhir.newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                String target = ref.hasReference() ? fullUrls.get(ref.getReference()) : null;
                if (target != null) {
                    ref.setReference(target);
                }
            }
            lines[i] = new Line("Bundle", i + 1, fhir.newJsonParser().encodeResourceToString(r), r);
        });
        NdjsonPacket packet = new NdjsonPacket();
        for (Line l : lines) {
            packet.add(l);
        }
        return packet;
    }

    private void add(Line line) {
        lines.add(line);
        byTypeAndId.put(line.type() + "/" + line.id(), line);
        for (Identifier id : identifiers(line.resource())) {
            if (id.hasSystem() && id.hasValue()) {
                byIdentifier.put(line.type() + "?identifier=" + id.getSystem() + "|" + id.getValue(), line);
            }
        }
    }

    static List<Identifier> identifiers(Resource r) {
        if (r instanceof Practitioner p) {
            return p.getIdentifier();
        }
        if (r instanceof Organization o) {
            return o.getIdentifier();
        }
        if (r instanceof org.hl7.fhir.r4.model.Location l) {
            return l.getIdentifier();
        }
        if (r instanceof org.hl7.fhir.r4.model.Patient p) {
            return p.getIdentifier();
        }
        return List.of();
    }

    List<Line> lines() {
        return lines;
    }

    List<ImportReport.Failure> unreadable() {
        return unreadable;
    }

    int size() {
        return lines.size() + unreadable.size();
    }

    /**
     * The resource a reference points at within the packet: literal ({@code Type/id}) or conditional; else what the
     * fallback (the clinic's {@link Directory}, for a transaction) finds.
     */
    Optional<Line> resolve(Reference ref) {
        if (ref == null || !ref.hasReference()) {
            return Optional.empty();
        }
        String r = ref.getReference();
        Optional<Line> inPacket = Optional.ofNullable(r.contains("?") ? byIdentifier.get(r) : byTypeAndId.get(r));
        return inPacket.isPresent() ? inPacket : fallback.apply(ref);
    }

    private java.util.function.Function<Reference, Optional<Line>> fallback = r -> Optional.empty();

    /** Resolves what the packet does not hold through {@code directory} (each reference looked up once). */
    NdjsonPacket withFallback(java.util.function.Function<Reference, Optional<Line>> directory) {
        Map<String, Optional<Line>> seen = new java.util.concurrent.ConcurrentHashMap<>();
        this.fallback = r -> seen.computeIfAbsent(r.getReference(), k -> directory.apply(r));
        return this;
    }

    @Override
    public boolean resolves(Reference ref) {
        return resolve(ref).isPresent();
    }

    /** A person's or organization's name, from the resource the reference resolves to, else its display. */
    @Override
    public String nameOf(Reference ref) {
        return resolve(ref)
                .map(l -> name(l.resource()))
                .orElse(ref != null && ref.hasDisplay() ? ref.getDisplay() : null);
    }

    /** A practitioner's or organization's name; null for other resources and when it has none. */
    static String name(Resource r) {
        if (r instanceof Practitioner p && !p.getName().isEmpty()) {
            var n = p.getNameFirstRep();
            return n.hasText()
                    ? n.getText()
                    : (n.getPrefixAsSingleString() + " " + n.getGivenAsSingleString() + " " + n.getFamily()).strip();
        }
        if (r instanceof Organization o && o.hasName()) {
            return o.getName();
        }
        return null;
    }

    /** Resources grouped by the patient they belong to (in order of the files), and those that belong to none. */
    Map<String, List<Line>> byPatient(Map<Line, String> patientOf) {
        Map<String, List<Line>> groups = new LinkedHashMap<>();
        for (Line l : lines) {
            String p = patientOf.get(l);
            if (p != null) {
                groups.computeIfAbsent(p, k -> new ArrayList<>()).add(l);
            }
        }
        return groups;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
