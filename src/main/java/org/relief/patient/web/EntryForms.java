package org.relief.patient.web;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relief.patient.EntryKind;
import org.relief.patient.TreatmentCatalogue;
import org.relief.shared.Binding;
import org.relief.shared.FieldProblem;
import org.relief.shared.InvalidInputException;
import org.relief.shared.SaneDates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;

/**
 * Forms for chart entries, derived from the payload records: one field per record component (text, date, select
 * for enums, textarea for long text), required where the record says so. Binding collects every bad field at once.
 */
@Component
class EntryForms {

    private static final Set<String> LONG_TEXT =
            Set.of("impression", "summary", "reason", "sideEffects", "whyStopped", "content");
    /** Labels that read better on the chart's forms than the shared ones in {@link org.relief.shared.Labels}. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("doseOrFrequency", "Dose or frequency"),
            Map.entry("addressLine", "Address"),
            Map.entry("familyName", "Family name"),
            Map.entry("givenName", "Given name(s)"),
            Map.entry("birthDate", "Date of birth"),
            Map.entry("whyStopped", "Why stopped"),
            Map.entry("drugClass", "Drug class"),
            Map.entry("clinicalStatus", "Status"),
            Map.entry("onsetDate", "Onset"),
            Map.entry("encounterType", "Visit type"),
            Map.entry("therapyCode", "Therapy in the catalogue"),
            Map.entry("cptCode", "CPT code"),
            Map.entry("region", "Spine region"),
            Map.entry("reliefPercent", "Relief of the index pain (%)"),
            Map.entry("reliefWeeks", "Relief lasted (weeks)"),
            Map.entry("resultAsReported", "Result as reported"));

    private final Validator validator;
    private final SaneDates dates;
    private final List<TreatmentCatalogue.Option> therapies;

    EntryForms(Validator validator) {
        this(validator, SaneDates.defaults(), List.of());
    }

    @Autowired
    EntryForms(Validator validator, SaneDates dates, ObjectProvider<TreatmentCatalogue> catalogue) {
        this(
                validator,
                dates,
                catalogue.stream().findFirst().map(TreatmentCatalogue::options).orElse(List.of()));
    }

    private EntryForms(Validator validator, SaneDates dates, List<TreatmentCatalogue.Option> therapies) {
        this.validator = validator;
        this.dates = dates;
        this.therapies = therapies;
    }

    /** The catalogue's therapies, offered on the prior-treatment form. */
    List<TreatmentCatalogue.Option> therapies() {
        return therapies;
    }

    /** One input of a form; {@code optionLabels} gives what a person reads for each option's code. */
    record Field(
            String name,
            String label,
            String input,
            List<String> options,
            Map<String, String> optionLabels,
            boolean required,
            String hint) {

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
                options = Arrays.stream(c.getType().getEnumConstants())
                        .map(e -> ((Enum<?>) e).name())
                        .toList();
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

    /**
     * Builds the payload from form parameters with Spring's binder (the record's constructor, each value converted
     * as every controller converts it: see shared.Binding), then checks its Bean Validation constraints; throws with
     * every bad field at once (a value that could not be converted, and every constraint of the other fields).
     * Values are stripped; an empty field is no value.
     */
    <T extends Record> T bind(Class<T> type, Map<String, String> params, String prefix) {
        Map<String, String> values = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(prefix) && value != null && !value.isBlank()) {
                values.put(name.substring(prefix.length()), value.strip());
            }
        });
        DataBinder binder = new DataBinder(null, "entry");
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(DefaultConversionService.getSharedInstance());
        Binding.configure(binder, dates);
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> paramType) {
                return values.get(name);
            }

            @Override
            public Set<String> getNames() {
                return values.keySet();
            }
        });
        BindingResult result = binder.getBindingResult();
        List<FieldProblem> problems = new ArrayList<>(FieldProblem.of(result));
        Set<String> typed =
                new HashSet<>(problems.stream().map(FieldProblem::field).toList());
        T value = type.cast(binder.getTarget());
        if (value != null) {
            validator.validate(value).stream()
                    .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                    .filter(p -> !typed.contains(p.field()))
                    .forEach(problems::add);
        } else { // not built (a value could not be converted): check the other fields one by one
            for (RecordComponent c : type.getRecordComponents()) {
                if (!typed.contains(c.getName())) {
                    validator
                            .validateValue(type, c.getName(), result.getFieldValue(c.getName()))
                            .forEach(v -> problems.add(new FieldProblem(c.getName(), v.getMessage())));
                }
            }
        }
        if (!problems.isEmpty() || value == null) {
            throw new InvalidInputException(problems.stream()
                    .map(p -> new FieldProblem(prefix + p.field(), p.message()))
                    .sorted(Comparator.comparing(FieldProblem::field))
                    .toList());
        }
        return value;
    }

    /** Problems as a map field -> message, for templates. */
    static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> map = new LinkedHashMap<>();
        problems.forEach(p -> map.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        return map;
    }
}
