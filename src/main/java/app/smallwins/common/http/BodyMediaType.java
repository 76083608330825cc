package app.smallwins.common.http;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request body must say what it is: without a Content-Type (JAX-RS would read it as JSON
 * anyway) or with a wildcard one (such as application/*) it is a 415. A Content-Type the
 * resource does not consume is a 415 from JAX-RS already. (A charset parameter is not
 * checked: JSON is read as UTF-8 whatever it says, and common clients send ISO-8859-1 for
 * ASCII bodies.)
 */
public class BodyMediaType {

    @ServerRequestFilter
    public void requireConcreteMediaType(ContainerRequestContext request) {
        if (!hasBody(request)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (header == null || header.isBlank()) {
            throw new NotSupportedException();
        }
        MediaType type;
        try {
            type = MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException();
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw new NotSupportedException();
        }
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }
}
