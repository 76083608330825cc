package app.smallwins.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value that breaks an input rule. Jackson adds the path of the field, and
 * {@link app.smallwins.common.error.ProblemMappers} answers a 400 naming it with {@link #rule()}.
 */
public final class InvalidValueException extends MismatchedInputException {

    InvalidValueException(JsonParser parser, String rule, Class<?> targetType) {
        super(parser, rule, targetType);
    }

    /** What the value must look like, in words for the client. */
    public String rule() {
        return getOriginalMessage();
    }
}
