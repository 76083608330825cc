package app.smallwins.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsStringIgnoringCase;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.specification.ResponseSpecification;

/** Expectations for RFC 9457 problem responses: status, media type and the stable `type`. */
public final class Problems {

    private Problems() {
    }

    /** A problem+json answer of this status whose type is {@code urn:smallwins:problem:<kind>}. */
    public static ResponseSpecification problem(int status, String kind) {
        return new ResponseSpecBuilder()
                .expectStatusCode(status)
                .expectContentType("application/problem+json")
                .expectBody("type", equalTo("urn:smallwins:problem:" + kind))
                .expectBody("status", equalTo(status))
                // Nothing internal leaks into an error body.
                .expectBody(not(containsStringIgnoringCase("exception")))
                .build();
    }
}
