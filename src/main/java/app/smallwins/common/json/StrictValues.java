package app.smallwins.common.json;

import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import app.smallwins.common.input.InputRules;

/**
 * Wraps Jackson's own deserializers of text, enums, instants, dates and UUIDs with the input
 * rules, for every type the mapper reads, present and future. A modifier rather than
 * registered deserializers: it applies whichever module registered the original.
 */
final class StrictValues extends SimpleModule {

    StrictValues() {
        super("smallwins-strict-values");
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (type == String.class) {
                    return new Strict(deserializer, String.class, "must be a string", StrictValues::text);
                }
                if (type == Instant.class) {
                    return new Strict(deserializer, Instant.class, InputRules.INSTANT_RULE, InputRules::instant);
                }
                if (type == LocalDate.class) {
                    return new Strict(deserializer, LocalDate.class, InputRules.DATE_RULE, InputRules::date);
                }
                if (type == UUID.class) {
                    return new Strict(deserializer, UUID.class, "must be a UUID", InputRules::uuid);
                }
                return deserializer;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                Map<String, Object> constants = constants(type.getRawClass());
                String rule = "must be one of " + String.join(", ", constants.keySet());
                return new Strict(deserializer, type.getRawClass(), rule, name -> {
                    Object constant = constants.get(name);
                    if (constant == null) {
                        throw new InputRules.InvalidInput(rule);
                    }
                    return constant;
                });
            }
        });
    }

    private static String text(String value) {
        String problem = InputRules.textProblem(value);
        if (problem != null) {
            throw new InputRules.InvalidInput(problem);
        }
        return value;
    }

    /** Each constant by its one JSON spelling: its @JsonProperty name, else its Java name. */
    private static Map<String, Object> constants(Class<?> type) {
        Map<String, Object> constants = new LinkedHashMap<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            try {
                Field field = type.getField(name);
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                constants.put(property != null && !property.value().isEmpty() ? property.value() : name, constant);
            } catch (NoSuchFieldException impossible) {
                constants.put(name, constant);
            }
        }
        return constants;
    }

    /**
     * Accepts a JSON string that the rule turns into a value, nothing else: no numbers,
     * booleans, arrays or objects in place of text, dates or enums. Trusted JSON goes to
     * Jackson's own deserializer.
     */
    private static final class Strict extends DelegatingDeserializer {

        private final Class<?> type;
        private final String wrongType;
        private final Function<String, Object> rule;

        Strict(JsonDeserializer<?> original, Class<?> type, String wrongType, Function<String, Object> rule) {
            super(original);
            this.type = type;
            this.wrongType = wrongType;
            this.rule = rule;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> original) {
            return new Strict(original, type, wrongType, rule);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (Boolean.TRUE.equals(context.getAttribute(StrictJson.TRUSTED))) {
                return super.deserialize(parser, context);
            }
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new InvalidValueException(parser, wrongType, type);
            }
            try {
                return rule.apply(parser.getText());
            } catch (InputRules.InvalidInput e) {
                throw new InvalidValueException(parser, e.getMessage(), type);
            }
        }
    }
}
