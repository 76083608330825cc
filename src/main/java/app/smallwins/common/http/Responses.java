package app.smallwins.common.http;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** Response shapes shared by resources. */
public final class Responses {

    public static final String REPLAYED = "Idempotent-Replayed";

    private Responses() {
    }

    /** 201 with Location; a replayed idempotent request says so in a header. */
    public static Response.ResponseBuilder created(URI location, Object entity, boolean replayed) {
        Response.ResponseBuilder builder = Response.created(location).entity(entity);
        if (replayed) {
            builder.header(REPLAYED, "true");
        }
        return builder;
    }
}
