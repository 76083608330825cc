package app.smallwins.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The `limit` and `cursor` query parameters shared by every list endpoint. */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    @QueryParam("limit")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_LIMIT)
    @Parameter(description = "Page size, 1 to 100 (default 20).")
    public int limit = DEFAULT_LIMIT;

    @QueryParam("cursor")
    @Parameter(description = "The `nextCursor` of the previous page.")
    public String cursor;

    public Cursor position() {
        return Cursor.decode(cursor);
    }
}
