package app.smallwins.bench;

import static app.smallwins.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Statements;
import io.restassured.RestAssured;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * A year's progress report for a child with 5 goals and 1,000 observations, as JSON, HTML and
 * PDF: time (median, p95) through a plain HTTP client, bytes the server's worker threads allocate per request, the answer's size,
 * and statements per request, the same at 100 observations and at 1,000. Run with
 * `./mvnw verify -Pbench -Dtest=ProgressReportBenchmark`; figures in docs/benchmarks.md.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@Tag("bench")
class ProgressReportBenchmark {

    static final int GOALS = 5;
    static final int RUNS = 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Statements statements;

    @Test
    void aYearsReportForFiveGoalsAndOneThousandObservations() throws Exception {
        long small = 0;
        System.out.printf("%n| observations | format | median | p95 | allocated per request | answer | statements |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        for (int observations : new int[] { 100, 1_000 }) {
            CareTeam team = new CareTeam();
            List<String> goals = new ArrayList<>();
            for (int i = 0; i < GOALS; i++) {
                goals.add(as(team.teacher).body(Map.of("title", "Goal " + i + " on paper, in its formal wording",
                        "plainLanguage", "Goal " + i, "domain", "COMMUNICATION", "status", i == 4 ? "MET" : "ACTIVE",
                        "targetDate", LocalDate.now(ZoneOffset.UTC).plusMonths(6).toString(),
                        "mastery", Map.of("promptLevel", "VERBAL", "settings", 2, "people", 2, "consecutiveWeeks", 3)))
                        .post(team.childPath() + "/goals").then().statusCode(201).extract().<String>path("id"));
            }
            BenchData.observations(dataSource, team.childId, goals, observations, 364);
            String path = team.childPath() + "/reports/progress?from=" + LocalDate.now(ZoneOffset.UTC).minusYears(1)
                    .plusDays(1);
            measure(team, team.childPath() + "/progress-chart", "application/json", observations);
            for (String format : List.of("application/json", "text/html", "application/pdf")) {
                long count = measure(team, path, format, observations);
                if (observations == 100 && format.equals("application/pdf")) {
                    small = count;
                } else if (format.equals("application/pdf")) {
                    assertEquals(small, count, "statements per report do not grow with the data");
                }
            }
        }
    }

    private long measure(CareTeam team, String path, String format, int observations) {
        for (int i = 0; i < 5; i++) {
            call(team, path, format);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] millis = new long[RUNS];
        long bytes = 0;
        var mark = statements.mark();
        long allocatedBefore = allocated(threads);
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            bytes = call(team, path, format);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long allocated = (allocated(threads) - allocatedBefore) / RUNS;
        long count = statements.since(mark) / RUNS;
        Arrays.sort(millis);
        System.out.printf("| %,d | %s | %d ms | %d ms | %.1f MB | %,d bytes | %d |%n", observations, format,
                millis[RUNS / 2], millis[(int) (RUNS * 0.95) - 1], allocated / 1e6, bytes, count);
        return count;
    }

    /** One GET with a plain HTTP client: the suite's REST Assured filters would pretty-print every answer. */
    private static long call(CareTeam team, String path, String format) {
        try {
            HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                    .header("Authorization", "Bearer " + team.teacher.token()).header("Accept", format).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, answer.statusCode(), path);
            return answer.body().length;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes allocated so far by the server's worker threads (those that answer requests). */
    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("executor-thread")) {
                total += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return total;
    }
}
