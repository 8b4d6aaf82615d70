package org.relief.record;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.StringWriter;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * The JSON of each chart entry version, written once and kept (issue 16): a version never changes (a correction or a
 * void is a new version), so its JSON is the same in every answer that carries it. Writing the ten-year chart's 400
 * versions field by field was about a third of its JSON answer's time. The JSON is exactly what Jackson writes
 * for the version (the kept text is Jackson's own output, written by the same mapper's serializer); it is written
 * as it is when the same version comes again.
 *
 * <p>The key is the serializer that wrote it (so another mapper, or a property written with other settings, keeps
 * its own), the entry's content type, its id and its version number. Nothing is kept when the answer is
 * written with a view or indented. Up to {@code relief.api.version-json-cache} of text is kept, least recently used
 * out first; 0 keeps none.
 */
@Configuration(proxyBeanMethods = false)
class KeptVersionJson {

    /** The serializer that writes it (one per mapper and property setting), the content type, the entry, the version. */
    record Key(Object writer, Class<?> type, UUID entryId, int version) {}

    /** Registered with Spring's JSON mapper (Boot picks up module beans). */
    @Bean
    JacksonModule keptVersionJsonModule(@Value("${relief.api.version-json-cache:16MB}") DataSize keep) {
        Cache<Key, SerializedString> kept = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, keep.toBytes()))
                // the text and its UTF-8 bytes (made on first write), roughly
                .weigher((Key k, SerializedString json) -> 3 * json.charLength() + 96)
                .executor(Runnable::run) // evictions on the caller's thread: nothing left running after a request
                .build();
        SimpleModule module = new SimpleModule("relief-kept-version-json");
        module.setSerializerModifier(new ValueSerializerModifier() {
            @Override
            public ValueSerializer<?> modifySerializer(
                    SerializationConfig config, BeanDescription.Supplier description, ValueSerializer<?> serializer) {
                return description.getBeanClass() == Versioned.class && keep.toBytes() > 0
                        ? new Kept(serializer, kept)
                        : serializer;
            }
        });
        return module;
    }

    /** Writes a version's kept JSON, or has the mapper's own serializer write it and keeps that. */
    static final class Kept extends ValueSerializer<Object> {
        private final ValueSerializer<Object> written;
        private final Cache<Key, SerializedString> kept;

        @SuppressWarnings("unchecked")
        Kept(ValueSerializer<?> written, Cache<Key, SerializedString> kept) {
            this.written = (ValueSerializer<Object>) written;
            this.kept = kept;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializationContext ctxt) throws JacksonException {
            Versioned<?> v = (Versioned<?>) value;
            if (v.data() == null
                    || v.entryId() == null
                    || ctxt.getActiveView() != null
                    || gen.objectWriteContext().hasPrettyPrinter()) {
                written.serialize(value, gen, ctxt);
                return;
            }
            SerializedString json = kept.get(new Key(written, v.data().getClass(), v.entryId(), v.version()), k -> {
                StringWriter text = new StringWriter(512);
                try (JsonGenerator own = gen.objectWriteContext().createGenerator(text)) {
                    written.serialize(value, own, ctxt);
                }
                return new SerializedString(text.toString());
            });
            gen.writeRawValue(json);
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext ctxt, tools.jackson.databind.BeanProperty p) {
            ValueSerializer<?> contextual = written.createContextual(ctxt, p);
            return contextual == written ? this : new Kept(contextual, kept);
        }

        @Override
        public void resolve(SerializationContext ctxt) {
            written.resolve(ctxt);
        }

        @Override
        public void serializeWithType(
                Object value,
                JsonGenerator gen,
                SerializationContext ctxt,
                tools.jackson.databind.jsontype.TypeSerializer typeSer)
                throws JacksonException {
            written.serializeWithType(value, gen, ctxt, typeSer);
        }

        @Override
        public Class<?> handledType() {
            return written.handledType();
        }
    }
}
