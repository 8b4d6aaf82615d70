package org.relief.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.relief.careteam.Role;
import org.relief.careteam.StaffDirectory;
import org.relief.patient.ChartService;
import org.relief.patient.EntryKind;
import org.relief.patient.Patients;
import org.relief.support.Fixtures;
import org.relief.support.Http;
import org.relief.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 10, "how it is checked": bad input never makes a 5xx. Every POST and PUT of the OpenAPI document (read at
 * test time, so a new endpoint is covered without touching this test) and every HTML form post (found in the
 * handler mappings, with its fields from the handler's parameters, its bound records and the templates' field
 * names) gets mutated bodies: NUL and other control characters, huge texts, extreme dates, NaN and Infinity, wrong
 * types, missing fields, unknown choices, malformed JSON, wrong content types. Bounded by a number of requests, not by
 * time; seeded (the seed is printed; {@code -Drelief.fuzz.seed=...} replays a run, {@code -Drelief.fuzz.requests=...}
 * changes the count). It acts as a physician and an admin of its own, on a patient of its own, so nothing it does
 * touches the data of other tests; it never signs out. (Over 300 lines on purpose: discovery, body generation and
 * mutation serve this one test and read best together.)
 */
@IntegrationTest
class InputFuzzIT {

    static final long DEFAULT_SEED = 20261127L;
    static final int DEFAULT_REQUESTS = 3000;

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Patients patients;

    @Autowired
    ChartService charts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final JsonMapper json = JsonMapper.shared();
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private Random random;
    private UUID patientId;
    private final List<String> entryIds = new ArrayList<>();

    /** A request the fuzzer can send: method, path pattern, and how to make a body. */
    private record Route(String kind, String method, String pattern, JsonNode schema, Map<String, Class<?>> fields) {
        String name() {
            return method + " " + pattern;
        }
    }

    @Test
    void mutatedInputNeverMakesA5xx() throws Exception {
        long seed = Long.getLong("relief.fuzz.seed", DEFAULT_SEED);
        int total = Integer.getInteger("relief.fuzz.requests", DEFAULT_REQUESTS);
        System.out.println(
                "InputFuzzIT seed " + seed + " (replay with -Drelief.fuzz.seed=" + seed + "), " + total + " requests");
        random = new Random(seed);

        String password = "fuzz-" + UUID.randomUUID();
        String doctor = "fuzz.doc." + Long.toHexString(seed) + "."
                + UUID.randomUUID().toString().substring(0, 8);
        String admin = "fuzz.admin." + UUID.randomUUID().toString().substring(0, 8);
        var doc = staff.create(doctor, "Fuzz Doctor", Role.PHYSICIAN, password, "test");
        staff.create(admin, "Fuzz Admin", Role.ADMIN, password, "test");
        patientId = patients.register(Fixtures.actor(staff, "desk.miller"), Fixtures.registration(doc.id()))
                .id();
        var actor = Fixtures.actor(staff, doctor);
        charts.add(actor, patientId, EntryKind.PROBLEM, Fixtures.lowBackPain());
        charts.add(actor, patientId, EntryKind.MEDICATION, Fixtures.oxycodone("5 mg"));
        for (String table : List.of("demographics", "referral", "problem", "medication")) {
            entryIds.addAll(jdbc.sql("select distinct entry_id::text from " + table + " where patient_id = ?")
                    .param(patientId)
                    .query(String.class)
                    .list());
        }
        Http docSession = Http.session(port, doctor, password);
        Http adminSession = Http.session(port, admin, password);
        String docCsrf = docSession.csrfToken();
        String adminCsrf = adminSession.csrfToken();

        List<Route> routes = new ArrayList<>();
        routes.addAll(apiRoutes(docSession));
        List<Route> forms = formRoutes();
        routes.addAll(forms);
        long apiCount = routes.stream().filter(r -> r.kind().equals("api")).count();
        System.out.println("InputFuzzIT routes: " + apiCount + " JSON API POST/PUT operations, " + forms.size()
                + " HTML form posts");
        assertThat(apiCount).as("POST/PUT operations in the OpenAPI document").isGreaterThan(15);
        assertThat(forms.size()).as("form posts in the handler mappings").isGreaterThan(20);

        Map<String, Integer> sent = new TreeMap<>();
        Map<String, Integer> serverErrors = new TreeMap<>();
        Map<String, String> firstError = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < total; i++) {
            Route route = routes.get(i % routes.size());
            boolean asAdmin = route.pattern().startsWith("/admin");
            Http http = asAdmin ? adminSession : docSession;
            String csrf = asAdmin ? adminCsrf : docCsrf;
            String path = path(route.pattern());
            String[] request = route.kind().equals("api") ? jsonRequest(route) : formRequest(route);
            HttpResponse<String> r = http.raw(route.method(), path, request[0], request[1], csrf);
            sent.merge(route.name(), 1, Integer::sum);
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() >= 500) {
                serverErrors.merge(route.name(), 1, Integer::sum);
                firstError.putIfAbsent(
                        route.name(),
                        path + " [" + request[0] + "] " + abbreviate(request[1]) + " -> " + r.statusCode() + " "
                                + abbreviate(r.body()));
            }
        }
        System.out.println("InputFuzzIT sent " + total + " requests to " + sent.size() + " routes; statuses " + statuses
                + "; 5xx: "
                + serverErrors.values().stream().mapToInt(Integer::intValue).sum());
        serverErrors.forEach((route, n) -> System.out.println(
                "  5xx " + n + " of " + sent.get(route) + " " + route + "\n    first: " + firstError.get(route)));
        assertThat(serverErrors)
                .as("5xx by route (seed " + seed + "): " + firstError)
                .isEmpty();
    }

    // --- discovery ---

    private List<Route> apiRoutes(Http session) throws Exception {
        HttpResponse<String> docs = session.get("/api/openapi");
        assertThat(docs.statusCode()).as("the OpenAPI document").isEqualTo(200);
        JsonNode openApi = json.readTree(docs.body());
        List<Route> routes = new ArrayList<>();
        for (var path : openApi.get("paths").properties()) {
            for (String method : List.of("post", "put")) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                JsonNode schema = op.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema");
                routes.add(
                        new Route("api", method.toUpperCase(), path.getKey(), resolve(openApi, schema, 0), Map.of()));
            }
        }
        return routes;
    }

    /** Inlines $ref and allOf, to a small depth, so a body can be generated from it. */
    private JsonNode resolve(JsonNode openApi, JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || depth > 6) {
            return nodes.objectNode();
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return resolve(openApi, openApi.path("components").path("schemas").path(name), depth + 1);
        }
        ObjectNode copy = schema.isObject() ? (ObjectNode) schema.deepCopy() : nodes.objectNode();
        if (schema.has("properties")) {
            ObjectNode props = nodes.objectNode();
            for (var p : schema.get("properties").properties()) {
                props.set(p.getKey(), resolve(openApi, p.getValue(), depth + 1));
            }
            copy.set("properties", props);
        }
        if (schema.has("items")) {
            copy.set("items", resolve(openApi, schema.get("items"), depth + 1));
        }
        if (schema.has("additionalProperties")
                && schema.get("additionalProperties").isObject()) {
            copy.set("additionalProperties", resolve(openApi, schema.get("additionalProperties"), depth + 1));
        }
        return copy;
    }

    /** Every POST/PUT handler of a page controller (not the JSON API, not FHIR), with its fields. */
    private List<Route> formRoutes() throws IOException {
        Set<String> templateNames = templateFieldNames();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e :
                mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (handler.getBeanType().isAnnotationPresent(RestController.class)) {
                continue; // JSON API and FHIR: covered from the OpenAPI document / their own tests
            }
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            if (!methods.contains(RequestMethod.POST) && !methods.contains(RequestMethod.PUT)) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                if (pattern.equals("/logout") || pattern.equals("/login")) {
                    continue; // the fuzzer keeps its sessions
                }
                routes.add(new Route(
                        "form",
                        methods.contains(RequestMethod.POST) ? "POST" : "PUT",
                        pattern,
                        null,
                        fields(handler.getMethod(), pattern, templateNames)));
            }
        }
        routes.sort(java.util.Comparator.comparing(Route::name));
        return routes;
    }

    /** The handler's named parameters and bound records; for a handler taking all parameters, the templates'. */
    private Map<String, Class<?>> fields(Method method, String pattern, Set<String> templateNames) {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        boolean takesAll = false;
        for (int i = 0; i < method.getParameterCount(); i++) {
            MethodParameter p = new MethodParameter(method, i);
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp != null) {
                if (Map.class.isAssignableFrom(p.getParameterType())) {
                    takesAll = true;
                } else {
                    String name = !rp.name().isEmpty()
                            ? rp.name()
                            : !rp.value().isEmpty() ? rp.value() : method.getParameters()[i].getName();
                    fields.put(name, p.getParameterType());
                }
            } else if (p.hasParameterAnnotation(ModelAttribute.class)
                    && p.getParameterType().isRecord()) {
                recordFields("", p.getParameterType(), fields, 0);
            } else if (p.hasParameterAnnotation(ModelAttribute.class)) {
                beanFields("", p.getParameterType(), fields, 0);
            }
        }
        if (takesAll) {
            if (pattern.contains("{slug}")) {
                EntryKind.ALL.forEach(k -> recordFields("", k.type(), fields, 0));
            }
            templateNames.forEach(n -> fields.putIfAbsent(n, String.class));
        }
        return fields;
    }

    private static void recordFields(String prefix, Class<?> type, Map<String, Class<?>> fields, int depth) {
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> t = c.getType();
            if (t.isRecord() && depth < 3) {
                recordFields(prefix + c.getName() + ".", t, fields, depth + 1);
            } else if (List.class.isAssignableFrom(t)
                    && c.getGenericType() instanceof ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> item
                    && item.isRecord()
                    && depth < 3) {
                recordFields(prefix + c.getName() + "[0].", item, fields, depth + 1);
                recordFields(prefix + c.getName() + "[1].", item, fields, depth + 1);
            } else {
                fields.put(prefix + c.getName(), t);
            }
        }
    }

    private static void beanFields(String prefix, Class<?> type, Map<String, Class<?>> fields, int depth) {
        for (var d : org.springframework.beans.BeanUtils.getPropertyDescriptors(type)) {
            if (d.getWriteMethod() != null) {
                fields.put(prefix + d.getName(), d.getPropertyType());
            } else if (d.getReadMethod() != null
                    && depth < 2
                    && d.getPropertyType() != Class.class
                    && !d.getPropertyType().getName().startsWith("java.")) {
                beanFields(prefix + d.getName() + ".", d.getPropertyType(), fields, depth + 1);
            }
        }
    }

    /** Field names written in the templates' forms (name="..."), for handlers that take every parameter. */
    private static Set<String> templateFieldNames() throws IOException {
        Pattern name = Pattern.compile("\\sname=\"([A-Za-z][A-Za-z0-9_.\\[\\]]*)\"");
        Set<String> names = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Matcher m = name.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals("_csrf")) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        return names;
    }

    // --- requests ---

    private static final String[] SECTIONS = {
        "problems",
        "imaging",
        "treatments",
        "medications",
        "allergies",
        "encounters",
        "referrals",
        "demographics",
        "documents"
    };
    private static final String[] CODES = {"NRS", "PEG", "ODI", "PHQ9", "GAD7", "PCS", "BPI", "CSSRS", "RMDQ"};

    /** Path variables: the fuzzer's own patient, a known section or code, else an id that names nothing. */
    private String path(String pattern) {
        Matcher m = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        boolean patientScoped = pattern.startsWith("/patients/") || pattern.startsWith("/api/patients/");
        while (m.find()) {
            String var = m.group(1);
            String value = switch (var) {
                case "id" ->
                    patientScoped
                            ? (random.nextInt(10) == 0
                                    ? pick(UUID.randomUUID().toString(), "not-a-uuid")
                                    : patientId.toString())
                            : UUID.randomUUID().toString();
                case "entryId" ->
                    random.nextInt(4) == 0
                            ? UUID.randomUUID().toString()
                            : entryIds.get(random.nextInt(entryIds.size()));
                case "slug", "section" -> pick(SECTIONS);
                case "code" -> patientScoped ? pick(CODES) : "NOT_AN_INSTRUMENT";
                case "key" -> "no.such.policy";
                default ->
                    random.nextInt(8) == 0 ? "not-a-uuid" : UUID.randomUUID().toString();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final String[] BAD_TEXT = {
        "a\u0000b",
        "\u0001\u001b[31m",
        "x".repeat(100_001),
        "",
        " ",
        "-999999999-01-01",
        "+999999999-12-31",
        "0000-00-00",
        "2026-02-30",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e999",
        "-1",
        "2147483648",
        "99999999999999999999",
        "0.1.2",
        "NOT_A_CHOICE",
        "null",
        "true",
        "[]",
        "{}",
        "%zz",
        "<script>alert(1)</script>",
        "' or 1=1 --",
        "\uD83D\uDE00 \u202E",
        "\uFFFF"
    };

    private String[] formRequest(Route route) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(route.fields().keySet());
        for (String n : names) {
            if (random.nextInt(4) != 0 || names.size() < 4) { // some fields are simply missing
                values.put(n, validFormValue(n, route.fields().get(n)));
            }
        }
        int mutations = random.nextInt(6) == 0 ? 0 : 1 + random.nextInt(3); // some go through whole
        for (int k = 0; k < mutations && !names.isEmpty(); k++) {
            values.put(pick(names.toArray(String[]::new)), pick(BAD_TEXT));
        }
        if (random.nextInt(20) == 0) {
            values.put(
                    pick("x\u0000y", "goal[-1].kind", "therapy[99999].code", "img[x].modality", "tx[].therapy"),
                    "1"); // a bad parameter name
        }
        String body = Http.formBody(values);
        return switch (random.nextInt(12)) {
            case 0 -> new String[] {"application/json", "{\"a\":"};
            case 1 -> new String[] {"multipart/form-data", body};
            case 2 -> new String[] {"text/plain", body};
            case 3 -> new String[] {"application/x-www-form-urlencoded", body.replace("%", "%z")};
            default -> new String[] {"application/x-www-form-urlencoded", body};
        };
    }

    private String validFormValue(String name, Class<?> type) {
        String n = name.toLowerCase();
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return ((Enum<?>) constants[random.nextInt(constants.length)]).name();
        }
        if (type == LocalDate.class
                || n.endsWith("date")
                || n.endsWith(".start")
                || n.endsWith(".end")
                || n.equals("from")
                || n.equals("to")) {
            return LocalDate.now().plusDays(random.nextInt(60) - 30).toString();
        }
        if (type == UUID.class || n.endsWith("id") || n.endsWith(".owner") || n.equals("physician")) {
            return UUID.randomUUID().toString();
        }
        if (type == int.class || type == Integer.class || n.contains("version") || n.equals("levels")) {
            return String.valueOf(random.nextInt(12));
        }
        if (type == boolean.class || type == Boolean.class) {
            return random.nextBoolean() ? "on" : "false";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || n.endsWith("mg")) {
            return String.valueOf(random.nextInt(200));
        }
        return "fuzz text " + random.nextInt(1000);
    }

    private String[] jsonRequest(Route route) {
        JsonNode body = generate(route.schema(), 0);
        int choice = random.nextInt(20);
        String text;
        if (choice == 0) {
            return new String[] {"application/json", truncate(json.writeValueAsString(body))};
        } else if (choice == 1) {
            return new String[] {
                pick("text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded"),
                json.writeValueAsString(body)
            };
        } else if (choice == 2) {
            return new String[] {
                "application/json",
                pick("", "null", "[]", "\"x\"", "0", "{\"a\":", "[".repeat(5000), "{\"a\":1,\"a\":2}")
            };
        }
        int mutations = choice < 5 ? 0 : 1 + random.nextInt(3);
        for (int k = 0; k < mutations; k++) {
            mutate(body);
        }
        text = json.writeValueAsString(body);
        if (random.nextInt(15) == 0) {
            text = text.replaceFirst("\"(-?[0-9.]+)\"|(?<=:)-?[0-9.]+", "NaN"); // a bare NaN token
        }
        return new String[] {"application/json", text};
    }

    private JsonNode generate(JsonNode schema, int depth) {
        if (schema == null || depth > 6) {
            return nodes.nullNode();
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = schema.path("type").asString("");
        String format = schema.path("format").asString("");
        if (type.isEmpty() && schema.has("properties")) {
            type = "object";
        }
        switch (type) {
            case "object" -> {
                ObjectNode o = nodes.objectNode();
                if (schema.has("properties")) {
                    for (var p : schema.get("properties").properties()) {
                        o.set(p.getKey(), generate(p.getValue(), depth + 1));
                    }
                } else if (schema.has("additionalProperties")) {
                    o.set("item" + random.nextInt(3), generate(schema.get("additionalProperties"), depth + 1));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = nodes.arrayNode();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    a.add(generate(schema.get("items"), depth + 1));
                }
                return a;
            }
            case "integer" -> {
                return nodes.numberNode(random.nextInt(12));
            }
            case "number" -> {
                return nodes.numberNode(random.nextInt(200) / 2.0);
            }
            case "boolean" -> {
                return nodes.booleanNode(random.nextBoolean());
            }
            case "string" -> {
                return switch (format) {
                    case "date" ->
                        nodes.stringNode(LocalDate.now()
                                .plusDays(random.nextInt(60) - 30)
                                .toString());
                    case "date-time" -> nodes.stringNode("2026-01-0" + (1 + random.nextInt(9)) + "T10:00:00Z");
                    case "uuid" ->
                        nodes.stringNode(
                                random.nextBoolean()
                                        ? patientId.toString()
                                        : UUID.randomUUID().toString());
                    default -> nodes.stringNode("fuzz text " + random.nextInt(1000));
                };
            }
            default -> {
                return nodes.stringNode("fuzz");
            }
        }
    }

    /** One mutation somewhere in the tree: a bad value, a wrong type, a missing field, a bad map key. */
    private void mutate(JsonNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        collect(root, objects);
        if (objects.isEmpty()) {
            return;
        }
        ObjectNode o = objects.get(random.nextInt(objects.size()));
        List<String> keys = new ArrayList<>();
        o.properties().forEach(p -> keys.add(p.getKey()));
        String key = keys.isEmpty() ? "extra" : keys.get(random.nextInt(keys.size()));
        switch (random.nextInt(10)) {
            case 0 -> o.remove(key);
            case 1 -> o.putNull(key);
            case 2 -> o.put(key, random.nextBoolean() ? 1e308 : -2147483649L);
            case 3 ->
                o.set(
                        key,
                        random.nextBoolean()
                                ? nodes.arrayNode().add("x")
                                : nodes.objectNode().put("x", 1));
            case 4 -> o.put(key, random.nextBoolean());
            case 5 -> o.put("a\u0000key", 1);
            case 6 -> o.put("unknownField" + random.nextInt(3), "x");
            default -> o.put(key, pick(BAD_TEXT));
        }
    }

    private static void collect(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) {
            out.add(o);
            o.properties().forEach(p -> collect(p.getValue(), out));
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> collect(n, out));
        }
    }

    private String truncate(String s) {
        return s.isEmpty() ? "{" : s.substring(0, random.nextInt(s.length()));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
