package org.relief.patient.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relief.patient.EntryKind;
import org.relief.patient.TreatmentCatalogue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Forms for chart entries, derived from the payload records: one field per record component (text, date, select
 * for enums, textarea for long text), required where the record says so. Binding collects every bad field at once.
 */
@Component
class EntryForms {

    private static final Set<String> LONG_TEXT = Set.of("impression", "summary", "reason", "sideEffects",
            "whyStopped", "content");
    /** Labels that read better on the chart's forms than the shared ones in {@link org.relief.shared.Labels}. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("doseOrFrequency", "Dose or frequency"), Map.entry("addressLine", "Address"),
            Map.entry("familyName", "Family name"), Map.entry("givenName", "Given name(s)"),
            Map.entry("birthDate", "Date of birth"), Map.entry("whyStopped", "Why stopped"),
            Map.entry("drugClass", "Drug class"), Map.entry("clinicalStatus", "Status"),
            Map.entry("onsetDate", "Onset"), Map.entry("encounterType", "Visit type"),
            Map.entry("therapyCode", "Therapy in the catalogue"), Map.entry("cptCode", "CPT code"),
            Map.entry("region", "Spine region"),
            Map.entry("reliefPercent", "Relief of the index pain (%)"),
            Map.entry("reliefWeeks", "Relief lasted (weeks)"), Map.entry("resultAsReported", "Result as reported"));

    private final Validator validator;
    private final List<TreatmentCatalogue.Option> therapies;

    EntryForms(Validator validator) {
        this(validator, List.of());
    }

    @Autowired
    EntryForms(Validator validator, ObjectProvider<TreatmentCatalogue> catalogue) {
        this(validator, catalogue.stream().findFirst().map(TreatmentCatalogue::options).orElse(List.of()));
    }

    private EntryForms(Validator validator, List<TreatmentCatalogue.Option> therapies) {
        this.validator = validator;
        this.therapies = therapies;
    }

    /** The catalogue's therapies, offered on the prior-treatment form. */
    List<TreatmentCatalogue.Option> therapies() {
        return therapies;
    }

    /** One input of a form; {@code optionLabels} gives what a person reads for each option's code. */
    record Field(String name, String label, String input, List<String> options, Map<String, String> optionLabels,
            boolean required, String hint) {

        /** A stored value as a person reads it: an option's label, else the value itself. */
        public String shown(String value) {
            return value == null ? "" : optionLabels.getOrDefault(value, value);
        }
    }

    List<Field> fields(EntryKind<?> kind) {
        return fields(kind.type());
    }

    List<Field> fields(Class<? extends Record> type) {
        List<Field> fields = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            boolean required = isRequired(type, c);
            String input;
            List<String> options = List.of();
            Map<String, String> optionLabels = Map.of();
            String hint = null;
            if (c.getType() == LocalDate.class) {
                input = "date";
            } else if (c.getType() == java.util.UUID.class) {
                input = "hidden";
            } else if (c.getType() == Integer.class) {
                input = "number";
            } else if (c.getType().isEnum()) {
                input = "select";
                options = Arrays.stream(c.getType().getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
                Map<String, String> labels = new LinkedHashMap<>();
                Arrays.stream(c.getType().getEnumConstants())
                        .forEach(e -> labels.put(((Enum<?>) e).name(), org.relief.shared.Labels.of(e)));
                optionLabels = labels;
            } else if (LONG_TEXT.contains(c.getName())) {
                input = "textarea";
            } else {
                input = c.getName().equals("email") ? "email" : c.getName().equals("phone") ? "tel" : "text";
            }
            if (c.getName().equals("icd10Code")) {
                hint = "type a code or words to pick from common codes, e.g. M54.50 (low back pain, unspecified)";
            } else if (c.getName().equals("snomedCode")) {
                hint = "kept from an imported record; leave empty when entering by hand";
            } else if (c.getName().equals("rxnormCode")) {
                hint = "RxNorm concept id, e.g. 197696";
            } else if (c.getName().equals("therapyCode")) {
                input = "therapy";
                hint = "the catalogue therapy this was (a procedure done elsewhere counts in the procedure rules "
                        + "by it)";
            } else if (c.getName().equals("steroidMg")) {
                hint = "methylprednisolone-equivalent, for the 12-month steroid total";
            }
            fields.add(new Field(c.getName(), label(c.getName()), input, options, optionLabels, required, hint));
        }
        return fields;
    }

    /** Constraints written on a record component land on its field (they do not target record components). */
    private static boolean isRequired(Class<?> type, RecordComponent c) {
        try {
            var field = type.getDeclaredField(c.getName());
            return field.isAnnotationPresent(NotNull.class) || field.isAnnotationPresent(NotBlank.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    static String label(String name) {
        String label = LABELS.get(name);
        if (label != null) {
            return label;
        }
        return org.relief.shared.Labels.field(name);
    }

    /** Form values of a payload, for prefilling an edit form. */
    static Map<String, String> values(Record data) {
        Map<String, String> values = new LinkedHashMap<>();
        if (data == null) {
            return values;
        }
        for (RecordComponent c : data.getClass().getRecordComponents()) {
            try {
                Object v = c.getAccessor().invoke(data);
                values.put(c.getName(), v == null ? "" : v instanceof Enum<?> e ? e.name() : v.toString());
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }

    /** Builds the payload from form parameters, or throws with every bad field (types and constraints). */
    <T extends Record> T bind(Class<T> type, Map<String, String> params, String prefix) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            String raw = params.getOrDefault(prefix + c.getName(), "").strip();
            if (raw.isEmpty()) {
                continue;
            }
            try {
                args[i] = convert(c.getType(), raw);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(prefix + c.getName(), "must be a date (YYYY-MM-DD)"));
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(prefix + c.getName(), "must be a whole number"));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(prefix + c.getName(), "is not one of the choices"));
            }
        }
        T value;
        try {
            Constructor<T> ctor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));
            value = ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        Set<String> typed = new java.util.HashSet<>(problems.stream().map(FieldProblem::field).toList());
        validator.validate(value).stream()
                .map(v -> new FieldProblem(prefix + v.getPropertyPath(), v.getMessage()))
                .filter(p -> !typed.contains(p.field()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(FieldProblem::field));
            throw new InvalidInputException(problems);
        }
        return value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Class<?> type, String raw) {
        if (type == String.class) {
            return raw;
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(raw);
        }
        if (type == Integer.class) {
            return Integer.valueOf(raw);
        }
        if (type == java.util.UUID.class) {
            return java.util.UUID.fromString(raw);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class) type, raw);
        }
        throw new IllegalStateException("unsupported type " + type);
    }

    /** Problems as a map field -> message, for templates. */
    static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        problems.forEach(p -> map.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        return map;
    }
}
