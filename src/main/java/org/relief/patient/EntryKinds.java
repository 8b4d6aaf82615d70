package org.relief.patient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Every entry kind the chart knows: the chart's own and those other modules declare (evaluation findings, procedures
 * performed, ...), each a Spring bean of type {@link EntryKind}. A slug declared twice stops the start.
 */
@Component
public class EntryKinds {

    private final Map<String, EntryKind<?>> bySlug = new LinkedHashMap<>();

    EntryKinds(List<EntryKind<?>> kinds) {
        for (EntryKind<?> kind : kinds) {
            if (bySlug.putIfAbsent(kind.slug(), kind) != null) {
                throw new IllegalStateException("entry kind '" + kind.slug() + "' is declared twice");
            }
        }
    }

    public Optional<EntryKind<?>> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The kind with this slug, or a 404 naming the chart section. */
    public EntryKind<?> require(String slug) {
        return bySlug(slug).orElseThrow(() -> new NotFoundException("No chart section '" + slug + "'"));
    }

    /** Every declared kind. */
    public List<EntryKind<?>> all() {
        return List.copyOf(bySlug.values());
    }
}
