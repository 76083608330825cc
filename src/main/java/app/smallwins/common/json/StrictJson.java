package app.smallwins.common.json;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly, by the rules of docs/input-rules.md: every value must
 * have the JSON type its field has (no "2" for 2, no 2.5 for 2, no 5 for an enum, no 42 for
 * text), enums and dates have one spelling each, text carries no control characters, a key
 * appears once per object, nesting is bounded and nothing may follow the JSON value.
 * <p>
 * The rules apply to everything this mapper reads. JSON the application wrote itself (stored
 * idempotent responses, goal revisions) is read through {@link #trusted}, so data stored
 * before a rule existed stays readable.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The deepest nesting a body may have; the deepest body the API reads has four levels. */
    public static final int MAX_NESTING = 32;

    /** Reader attribute: JSON this application wrote; the input rules do not apply. */
    static final String TRUSTED = "smallwins.trusted-json";

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        // A number or boolean is not text, and "" is not a number, date, id, list or object.
        for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.Integer,
                CoercionInputShape.Float, CoercionInputShape.Boolean }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new StrictValues());
    }

    /** A reader for JSON this application wrote itself, to which the input rules do not apply. */
    public static ObjectReader trusted(ObjectReader reader) {
        return reader.withAttribute(TRUSTED, Boolean.TRUE);
    }
}
