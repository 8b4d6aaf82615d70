package org.relief.patient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relief.shared.NotFoundException;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.ResolvableType;
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

    /**
     * Declares kinds as beans, one bean a kind (named after its slug): a module's configuration returns this from a
     * static {@code @Bean} method. A slug declared twice stops the start.
     */
    public static BeanDefinitionRegistryPostProcessor declare(EntryKind<?>... kinds) {
        List<EntryKind<?>> declared = List.of(kinds);
        return registry -> {
            for (EntryKind<?> kind : declared) {
                RootBeanDefinition bean = new RootBeanDefinition(EntryKind.class);
                bean.setTargetType(ResolvableType.forClassWithGenerics(EntryKind.class, kind.type()));
                bean.setInstanceSupplier(() -> kind);
                String name = kind.slug() + "EntryKind";
                if (registry.containsBeanDefinition(name)) {
                    throw new IllegalStateException("entry kind '" + kind.slug() + "' is declared twice");
                }
                registry.registerBeanDefinition(name, bean);
            }
        };
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
