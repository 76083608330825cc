package app.smallwins.common.openapi;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import app.smallwins.common.error.Problem;

/**
 * Documents the error responses every operation can give, in one place and the same way
 * everywhere: each is application/problem+json with the Problem schema.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final Map<String, String> RESPONSES = new TreeMap<>(Map.ofEntries(
            Map.entry("BadRequest", "400|Invalid input; `errors` lists the offending fields. Nothing was changed."),
            Map.entry("Unauthorized", "401|No bearer token, or an invalid or expired one."),
            Map.entry("Forbidden", "403|The caller's roles or capacity on this child do not permit the operation."),
            Map.entry("NotFound", "404|No such resource, or the caller is not on this child's team."),
            Map.entry("NotAcceptable", "406|The client does not accept application/json."),
            Map.entry("Conflict", "409|The request conflicts with the record's current state."),
            Map.entry("PreconditionFailed", "412|If-Match names a version that is no longer current."),
            Map.entry("UnsupportedMediaType", "415|The body is not application/json."),
            Map.entry("Unprocessable", "422|The Idempotency-Key was used before for a different request."),
            Map.entry("PreconditionRequired", "428|If-Match is missing."),
            Map.entry("InternalError", "500|Unexpected failure; the detail carries an error id for support.")));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schema problemRef = OASFactory.createSchema().ref("#/components/schemas/Problem");
        RESPONSES.forEach((name, spec) -> openAPI.getComponents().addResponse(name,
                OASFactory.createAPIResponse().description(spec.substring(4))
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                                OASFactory.createMediaType().schema(problemRef)))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> addErrors(path, method, operation)));
    }

    private void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        // Replace the generated 401/403 (no body) with the documented problem responses.
        operation.getResponses().removeAPIResponse("401");
        operation.getResponses().removeAPIResponse("403");
        add(operation, "Unauthorized");
        add(operation, "Forbidden");
        add(operation, "NotAcceptable");
        add(operation, "InternalError");
        if (path.contains("{") || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            add(operation, "BadRequest");
        }
        if (path.contains("{")) {
            add(operation, "NotFound");
        }
        if (operation.getRequestBody() != null) {
            add(operation, "BadRequest");
            add(operation, "UnsupportedMediaType");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE) {
            add(operation, "Conflict");
        }
        if (method == PathItem.HttpMethod.POST) {
            add(operation, "Unprocessable");
        }
        if (method == PathItem.HttpMethod.PATCH) {
            add(operation, "PreconditionFailed");
            add(operation, "PreconditionRequired");
        }
        sortByStatus(operation);
    }

    private static void sortByStatus(Operation operation) {
        Map<String, APIResponse> sorted = new TreeMap<>(operation.getResponses().getAPIResponses());
        sorted.keySet().forEach(operation.getResponses()::removeAPIResponse);
        sorted.forEach(operation.getResponses()::addAPIResponse);
    }

    private static void add(Operation operation, String name) {
        String code = RESPONSES.get(name).substring(0, 3);
        if (operation.getResponses().getAPIResponse(code) == null) {
            APIResponse ref = OASFactory.createAPIResponse().ref("#/components/responses/" + name);
            operation.getResponses().addAPIResponse(code, ref);
        }
    }
}
