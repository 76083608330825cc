package app.smallwins.common.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import app.smallwins.common.error.ApiException;

/**
 * The `limit` and `cursor` query parameters shared by every list endpoint. Both are read as
 * text and checked here, so `limit=abc` is a 400 naming the parameter (JAX-RS would answer
 * an unconvertible query parameter with a bare 404).
 */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 100 (default 20).",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "The `nextCursor` of the previous page.")
    public String cursor;

    public int limit() {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public Cursor position() {
        return Cursor.decode(cursor);
    }
}
