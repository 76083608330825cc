package app.smallwins.bench;

import static app.smallwins.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Statements;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Progress views over 100,000 observations of one child. Not part of `./mvnw verify`: run
 * with `./mvnw verify -Pbench` and copy the printed figures into docs/benchmarks.md.
 * It checks correctness at scale (the wins summary equals an independent SQL count) and
 * that statement counts stay fixed, then times each endpoint.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@Tag("bench")
class ProgressAtScaleBenchmark {

    static final int OBSERVATIONS = 100_000;
    static final int GOALS = 20;
    static final int RUNS = 30;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Statements statements;

    @Test
    void progressViewsAtOneHundredThousandObservations() throws Exception {
        CareTeam team = new CareTeam();
        List<String> goals = new ArrayList<>();
        for (int i = 0; i < GOALS; i++) {
            goals.add(as(team.teacher).body(Map.of("title", "Goal " + i, "domain", "COMMUNICATION", "status",
                    i % 4 == 0 ? "MET" : "ACTIVE", "mastery", Map.of("promptLevel", "VERBAL", "settings", 2,
                            "people", 2, "consecutiveWeeks", 3)))
                    .post(team.childPath() + "/goals").then().statusCode(201).extract().<String>path("id"));
        }
        long seeded = seed(team, goals);
        System.out.printf("%nseeded %d observations for one child in %d goals (+ goal-less wins)%n", seeded, GOALS);

        long expectedWins = count("""
                select count(*) from observation where child_id = '%s' and kind = 'WIN' and deleted_at is null
                  and occurred_at >= date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'
                  and occurred_at < (date_trunc('month', now() at time zone 'UTC') + interval '1 month') at time zone 'UTC'"""
                .formatted(team.childId));
        int apiWins = as(team.parent).get(team.childPath() + "/wins?period=MONTH").then().statusCode(200)
                .extract().path("wins");
        assertEquals(expectedWins, apiWins, "wins summary at scale equals an independent count");

        String goal = goals.get(0);
        report("GET goal progress (12 weeks, WEEK buckets)", team, team.childPath() + "/goals/" + goal + "/progress");
        report("GET goal progress (3 years, MONTH buckets)", team, team.childPath() + "/goals/" + goal
                + "/progress?bucket=MONTH&from=" + java.time.LocalDate.now().minusYears(2).minusMonths(11));
        report("GET progress-chart (20 goals)", team, team.childPath() + "/progress-chart");
        report("GET wins?period=MONTH", team, team.childPath() + "/wins?period=MONTH");
        report("GET timeline (limit 50)", team, team.childPath() + "/timeline?limit=50");
        report("GET observations?goalId (limit 50)", team, team.childPath() + "/observations?limit=50&goalId=" + goal);
        explain("""
                select o.goal_id, cast(o.occurred_at at time zone 'UTC' as date), o.kind, o.prompt_level, o.setting,
                       o.author_id, o.author_capacity, count(*)
                from observation o where o.child_id = '%s' and o.goal_id in ('%s') and o.deleted_at is null
                  and o.occurred_at >= now() - interval '52 weeks' and o.occurred_at < now()
                group by 1, 2, 3, 4, 5, 6, 7""".formatted(team.childId, goal));
    }

    private long seed(CareTeam team, List<String> goals) throws Exception {
        BenchData.observations(dataSource, team.childId, goals, OBSERVATIONS, 3 * 365);
        return OBSERVATIONS;
    }

    private void report(String name, CareTeam team, String path) {
        for (int i = 0; i < 5; i++) {
            as(team.teacher).get(path).then().statusCode(200);
        }
        long[] millis = new long[RUNS];
        var mark = statements.mark();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            as(team.teacher).get(path).then().statusCode(200);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        long statementCount = statements.since(mark) / RUNS;
        Arrays.sort(millis);
        System.out.printf("| %-45s | %5d ms | %5d ms | %5d ms | %3d |%n", name, millis[RUNS / 2],
                millis[(int) (RUNS * 0.95) - 1], millis[RUNS - 1], statementCount);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void explain(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("explain (analyze, buffers off) " + sql)) {
            System.out.println("\nplan of the evidence-cell aggregation for one goal:");
            while (rs.next()) {
                System.out.println("    " + rs.getString(1));
            }
        }
    }
}
