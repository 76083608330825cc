package app.smallwins;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.audit.ReadLogWriter;
import app.smallwins.support.Api;
import app.smallwins.support.Contract;
import app.smallwins.support.DatabaseFingerprint;
import app.smallwins.support.HostileRequests;
import app.smallwins.support.HostileRequests.Baseline;
import app.smallwins.support.HostileRequests.Outcome;
import app.smallwins.support.HostileRequests.Request;
import app.smallwins.support.OpenApiSpec;
import app.smallwins.support.OpenApiSpec.Operation;
import app.smallwins.support.RawHttp;
import app.smallwins.support.RawHttp.Answer;
import app.smallwins.support.RecordFixture;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every operation of the committed contract, sent hostile input: each variant of a valid
 * request changes one thing (a path or query parameter, a header, one body property at any
 * depth, the body's syntax or media type). Whatever the input: no 5xx; every 4xx is
 * problem+json with type, title, status and detail and nothing internal; a refused request
 * changes nothing in the database; input the rules of docs/input-rules.md refuse is a 400
 * naming the field. New operations are picked up from openapi/openapi.yaml without edits.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_FAILURES = 60;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadLogWriter reads;

    private RawHttp http;
    private final List<String> failures = new ArrayList<>();
    private final Set<String> validatedShapes = new HashSet<>();
    private final Map<String, Integer> serverErrors = new TreeMap<>();
    private final Map<String, Integer> requestsByOperation = new LinkedHashMap<>();
    private final Map<String, Integer> failuresByKind = new TreeMap<>();
    private final Map<String, Integer> requestsByCategory = new TreeMap<>();
    private DatabaseFingerprint database;
    private int sent;
    private int fingerprints;
    private long fingerprintNanos;

    @Test
    void noHostileRequestGets5xxLeaksInternalsOrChangesTheRecord() {
        long started = System.nanoTime();
        http = new RawHttp();
        database = new DatabaseFingerprint(dataSource, reads);
        RecordFixture record = new RecordFixture();
        RecordFixture spare = new RecordFixture();
        HostileRequests onRecord = new HostileRequests(record, spare);
        HostileRequests onSpare = new HostileRequests(spare, record);
        List<Operation> operations = new ArrayList<>(OpenApiSpec.load(Path.of("openapi/openapi.yaml")).operations());
        // Reads, then creations, then changes (which may retire a goal's step that creations
        // link to), then deletions, the deepest first so they take nothing from the others.
        List<String> order = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
        operations.sort(Comparator.comparing((Operation op) -> order.indexOf(op.method()))
                .thenComparing(op -> op.method().equals("DELETE") ? -op.path().split("/").length : 0));

        // Who may call each operation: the first person its valid request succeeds for. A
        // deletion is tried on the spare record so the record under test keeps what it deletes.
        Map<String, String> callers = new LinkedHashMap<>();
        for (Operation op : operations) {
            boolean deletes = op.method().equals("DELETE");
            callers.put(op.id(), callerFor(op, deletes ? onSpare : onRecord, deletes ? spare : record));
        }

        for (Operation op : operations) {
            Baseline base = onRecord.baseline(op);
            String token = record.person(callers.get(op.id())).token();
            attack(token, onRecord.variants(base));
        }

        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        int errors = serverErrors.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("Hostile input: %d requests to %d operations in %d s; %d answered 5xx %s%n", sent,
                operations.size(), seconds, errors, serverErrors);
        System.out.println("Hostile input: requests per operation " + requestsByOperation);
        System.out.println("Hostile input: requests per category " + requestsByCategory);
        System.out.println("Hostile input: mishandled by kind " + failuresByKind);
        System.out.printf("Hostile input: %d database fingerprints took %d ms%n", fingerprints,
                fingerprintNanos / 1_000_000);
        writeReport(operations.size(), seconds);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " hostile requests were mishandled ("
                + errors + " answered 5xx), e.g.:\n" + String.join("\n", failures.subList(0,
                        Math.min(SHOWN_FAILURES, failures.size()))));
    }

    /** Every mishandled request, for the one who fixes them (the assertion shows the first few). */
    private void writeReport(int operations, long seconds) {
        List<String> lines = new ArrayList<>();
        lines.add("%d requests to %d operations in %d s; 5xx by operation/category: %s".formatted(sent, operations,
                seconds, serverErrors));
        lines.add("requests per category: " + requestsByCategory);
        lines.add("mishandled by kind: " + failuresByKind);
        lines.addAll(failures);
        try {
            Files.write(Path.of("target/hostile-input.txt"), lines);
        } catch (IOException e) {
            System.out.println("Could not write target/hostile-input.txt: " + e);
        }
    }

    private void fail(String kind, String what) {
        failuresByKind.merge(kind, 1, Integer::sum);
        failures.add(what);
    }

    private String callerFor(Operation op, HostileRequests requests, RecordFixture on) {
        Baseline base = requests.baseline(op);
        List<String> tried = new ArrayList<>();
        for (String role : RecordFixture.ROLES) {
            Answer answer = send(on.person(role).token(), op.method(), base.target(), base.headersWithBody(),
                    base.bodyBytes());
            if (answer.status() < 300) {
                return role;
            }
            tried.add(role + " " + answer.status() + " " + RawHttp.abbreviate(answer.body()));
        }
        throw new AssertionError("No one gets a 2xx for the valid request of " + op + " ("
                + RawHttp.abbreviate(new String(base.bodyBytes() == null ? new byte[0] : base.bodyBytes()))
                + "): " + tried + ". Make HostileRequests build a valid request for it.");
    }

    /**
     * Sends the variants, checking the database between them: a run of requests expected to be
     * refused is checked as a whole, and before any request that may be accepted (after which
     * the database is fingerprinted afresh).
     */
    private void attack(String token, List<Request> requests) {
        String before = fingerprint();
        List<Request> pending = new ArrayList<>();
        for (Request request : requests) {
            if (request.outcome() == Outcome.ANY && !pending.isEmpty()) {
                before = checkUnchanged(token, before, pending);
            }
            Answer answer = send(token, request.method(), request.target(), request.headers(), request.body());
            check(request, answer);
            if (answer.status() < 400) {
                if (request.outcome() != Outcome.ANY) {
                    // Accepted though it should not have been: the earlier ones are checked one by one.
                    replayOneByOne(token, pending);
                }
                before = fingerprint();
                pending.clear();
            } else {
                pending.add(request);
            }
        }
        if (!pending.isEmpty()) {
            checkUnchanged(token, before, pending);
        }
    }

    private String checkUnchanged(String token, String before, List<Request> pending) {
        String after = fingerprint();
        if (!after.equals(before)) {
            fail("database changed", "the database changed during " + pending.size() + " refused requests ("
                    + DatabaseFingerprint.difference(before, after) + "); replaying them one by one");
            replayOneByOne(token, pending);
            after = fingerprint();
        }
        pending.clear();
        return after;
    }

    private void replayOneByOne(String token, List<Request> requests) {
        for (Request request : requests) {
            String before = fingerprint();
            Answer answer = send(token, request.method(), request.target(), request.headers(), request.body());
            String after = fingerprint();
            if (answer.status() >= 400 && !after.equals(before)) {
                fail("database changed", request + " answered " + answer.status() + " but changed "
                        + DatabaseFingerprint.difference(before, after));
            }
        }
    }

    private String fingerprint() {
        long start = System.nanoTime();
        String taken = database.take();
        fingerprints++;
        fingerprintNanos += System.nanoTime() - start;
        return taken;
    }

    private Answer send(String token, String method, String target, Map<String, String> headers, byte[] body) {
        sent++;
        return http.send(method, target, token, headers, body);
    }

    private void check(Request request, Answer answer) {
        requestsByOperation.merge(request.operation(), 1, Integer::sum);
        requestsByCategory.merge(request.category(), 1, Integer::sum);
        int status = answer.status();
        String seen = request + " answered " + status + ": " + RawHttp.abbreviate(answer.body());
        if (status >= 500) {
            serverErrors.merge(request.operation() + "/" + request.category(), 1, Integer::sum);
            fail("5xx", seen);
            return;
        }
        if (status >= 400) {
            String problem = problemShape(answer);
            if (problem != null) {
                fail("not a proper problem", seen + " — " + problem);
                return;
            }
        }
        // Every answer is held to the contract, once per shape: problems of one operation and
        // status differ only in their text (problemShape checks each one's members above).
        String breaks = !validatedShapes.add(shapeOf(request, answer)) ? null
                : Contract.responseViolations(request.method(), request.target(), status, answer.contentType(),
                        answer.body());
        if (breaks != null) {
            fail("breaks the contract", seen + " — the answer breaks openapi/openapi.yaml:\n" + breaks);
            return;
        }
        switch (request.outcome()) {
            case ANY -> {
            }
            case REFUSED -> {
                if (status < 400) {
                    fail("accepted", seen + " — hostile input was accepted");
                }
            }
            case STATUS -> {
                if (status != request.status()) {
                    fail("wrong status", seen + " — expected " + request.status());
                }
            }
            case FIELD -> {
                if (status != 400 || !namesField(answer, request.field())) {
                    fail(status < 400 ? "accepted" : "field not named", seen + " — expected a 400 naming " + request.field());
                }
            }
        }
    }

    /** An accepted answer is its own shape; a problem's is its operation, status and members. */
    private static String shapeOf(Request request, Answer answer) {
        if (answer.status() < 400) {
            return request + " " + answer.status() + " " + answer.body();
        }
        List<String> members = new ArrayList<>();
        try {
            JSON.readTree(answer.body()).fieldNames().forEachRemaining(members::add);
        } catch (Exception e) {
            members.add(answer.body());
        }
        return request.operation() + " " + answer.status() + " " + answer.contentType() + " " + members;
    }

    /** What is wrong with a 4xx body, or null when it is a proper problem. */
    private static String problemShape(Answer answer) {
        if (!answer.contentType().startsWith(Api.PROBLEM_JSON)) {
            return "not problem+json but \"" + answer.contentType() + "\"";
        }
        for (String marker : Api.LEAK_MARKERS) {
            if (answer.body().contains(marker)) {
                return "leaks \"" + marker + "\"";
            }
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            for (String member : List.of("type", "title", "status", "detail")) {
                if (!problem.hasNonNull(member)) {
                    return "no " + member;
                }
            }
            if (problem.get("status").asInt() != answer.status()) {
                return "status member " + problem.get("status") + " differs from the HTTP status";
            }
            return null;
        } catch (Exception e) {
            return "the body is not JSON";
        }
    }

    private static boolean namesField(Answer answer, String field) {
        try {
            for (JsonNode error : JSON.readTree(answer.body()).path("errors")) {
                if (error.path("field").asText().equals(field)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
