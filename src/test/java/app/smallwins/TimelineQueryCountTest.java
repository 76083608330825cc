package app.smallwins;

import static app.smallwins.support.Api.as;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import app.smallwins.audit.ReadLogWriter;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Statements;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The timeline costs the same number of SQL statements for a page of 5 as for a page of 50. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class TimelineQueryCountTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Statements statements;

    @Inject
    ReadLogWriter reads;

    @Inject
    MeterRegistry meters;

    @Test
    void timelineQueriesDoNotGrowWithPageSize() {
        CareTeam team = new CareTeam();
        // Each win is cheered right away, so every page mixes both kinds of item.
        for (int i = 0; i < 30; i++) {
            var author = i % 2 == 0 ? team.para : team.parent;
            String id = as(author).body(Map.of("kind", "WIN", "text", "Win number " + i, "setting", "HOME"))
                    .post(team.childPath() + "/observations").then().statusCode(201).extract().path("id");
            as(i % 3 == 0 ? team.teacher : team.therapist).body(Map.of("note", "Great " + i))
                    .post(team.childPath() + "/observations/" + id + "/cheers").then().statusCode(201);
        }
        // Warm the caller's user row so provisioning costs the same in both measured calls.
        as(team.teacher).get(team.childPath() + "/timeline?limit=1").then().statusCode(200);

        long small = statementsFor(team, 5);
        long large = statementsFor(team, 50);
        assertEquals(small, large, "statements for a page of 5 vs a page of 50");
        // The care-team check, the page's keys, then its observations, cheers, authors and the photos
        // and videos attached: one statement each (these pages hold no team messages, so their
        // lookup is skipped).
        assertEquals(6, large, "statements for a timeline page");

        // What is left out above is one statement per batch: a queued read written now is one statement.
        double written = 0;
        for (int attempt = 0; attempt < 5 && written == 0; attempt++) {
            as(team.teacher).get(team.childPath() + "/timeline?limit=1").then().statusCode(200);
            sessionFactory.getStatistics().clear();
            double before = batches();
            reads.flush();
            written = batches() - before;
            assertEquals((long) written, sessionFactory.getStatistics().getPrepareStatementCount(),
                    "statements per read batch");
        }
        assertEquals(1, written, "read batches written");
    }

    private double batches() {
        return meters.counter(ReadLogWriter.BATCHES_METRIC).count();
    }

    private long statementsFor(CareTeam team, int limit) {
        var mark = statements.mark();
        as(team.teacher).get(team.childPath() + "/timeline?limit=" + limit)
                .then().statusCode(200).body("items", hasSize(limit));
        // Statements leaves out the access log's read batches, written every second by another thread.
        return statements.since(mark);
    }
}
