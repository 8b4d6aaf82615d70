package org.relief.fhir.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.relief.shared.SaneDates;
import org.relief.shared.TextInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The input checks every other request gets ({@link TextInput}: no control characters, no text over the length
 * backstop; {@link SaneDates}: dates in the clinic's range), applied to a FHIR request body before anything of it is
 * read into the chart. Each problem names its element as FHIR does ("Patient.name[0].family") with its place in the
 * Bundle as the issue's expression. A body that is not JSON is left to the FHIR parser, which says why.
 */
final class FhirBodyCheck {

    /** A FHIR date, dateTime or instant: a year, then at least a month ("2026-01", "2026-01-09T10:00:00Z"). */
    private static final Pattern DATE = Pattern.compile("(-?\\d{4,})-(\\d{2})(?:-(\\d{2}))?(?:T.*)?");

    private static final int MAX_ISSUES = 20;

    private final SaneDates dates;

    FhirBodyCheck(SaneDates dates) {
        this.dates = dates;
    }

    /** The problems of this body as an OperationOutcome, or null when there are none. */
    OperationOutcome check(String body) {
        if (!mayHaveProblems(body)) {
            return null;
        }
        JsonNode root;
        try {
            root = JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        List<String[]> problems = new ArrayList<>();
        walk(root, "", "", false, problems);
        if (problems.isEmpty()) {
            return null;
        }
        OperationOutcome oo = new OperationOutcome();
        for (String[] p : problems) {
            oo.addIssue()
                    .setSeverity(IssueSeverity.ERROR)
                    .setCode(IssueType.INVALID)
                    .setDiagnostics(p[0] + " " + p[2] + ". Nothing was stored.")
                    .addExpression(p[1]);
        }
        return oo;
    }

    /**
     * One pass over the body's tokens, keeping nothing: whether any element name or text could be a problem. Most
     * bodies have none, and for them the walk below (a tree of the whole body and two paths for every element) is
     * not needed: for a packet of 1,275 resources it was a tenth of the transaction's allocation (JFR, issue 16). It
     * errs on the side of yes (a date-like identifier, a duplicate name): the walk then decides, and names what it
     * finds. A body that is not JSON is left to the walk too, which leaves it to the FHIR parser.
     */
    private boolean mayHaveProblems(String body) {
        try (JsonParser p = JsonMapper.shared().createParser(body)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.PROPERTY_NAME) {
                    if (TextInput.problem(p.currentName()) != null) {
                        return true;
                    }
                } else if (t == JsonToken.VALUE_STRING && textProblem(p.getString(), false) != null) {
                    return true; // as if not in an identifier: a date-like identifier is cleared by the walk
                }
            }
            return false;
        } catch (JacksonException e) {
            return true;
        }
    }

    /**
     * @param element the FHIR path from the innermost resource ("Patient.name[0]")
     * @param expression the path from the body's root ("Bundle.entry[0].resource.name[0]")
     */
    private void walk(JsonNode node, String element, String expression, boolean identifier, List<String[]> problems) {
        if (problems.size() >= MAX_ISSUES) {
            return;
        }
        if (node.isObject()) {
            JsonNode type = node.get("resourceType");
            if (type != null && type.isString()) {
                element = type.asString();
                expression = expression.isEmpty() ? element : expression;
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                String keyProblem = TextInput.problem(name);
                if (keyProblem != null) {
                    problems.add(new String[] {element, expression, "has an element name that " + keyProblem});
                    continue;
                }
                walk(
                        field.getValue(),
                        element + "." + name,
                        expression + "." + name,
                        identifier || name.equals("identifier"),
                        problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), element + "[" + i + "]", expression + "[" + i + "]", identifier, problems);
            }
        } else if (node.isString()) {
            String problem = textProblem(node.asString(), identifier);
            if (problem != null) {
                problems.add(new String[] {element, expression, problem});
            }
        }
    }

    /** A text's problem, or null: a control character, too long, or a date out of range (not in an identifier). */
    private String textProblem(String text, boolean identifier) {
        String problem = TextInput.problem(text);
        return problem != null || identifier ? problem : dateProblem(text);
    }

    private String dateProblem(String text) {
        // a date starts with a digit or a minus sign and has at least a year and a month: most texts are not one
        if (text.length() < 7 || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '-')) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null; // not a date this check understands: the FHIR parser judges it
        }
        return dates.problem(date);
    }
}
