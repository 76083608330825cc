package app.smallwins;

import static app.smallwins.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.smallwins.common.idempotency.IdempotencyRetention;
import app.smallwins.support.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class IdempotencyRetentionTest {

    @Inject
    IdempotencyRetention retention;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void keysOlderThanTheRetentionAreForgottenRecentOnesKept() throws Exception {
        Tokens.TestUser admin = Tokens.newUser("admin");
        String oldKey = UUID.randomUUID().toString();
        String freshKey = UUID.randomUUID().toString();
        as(admin).header("Idempotency-Key", oldKey).body(Map.of("displayName", "Old"))
                .post("/api/v1/children").then().statusCode(201);
        as(admin).header("Idempotency-Key", freshKey).body(Map.of("displayName", "Fresh"))
                .post("/api/v1/children").then().statusCode(201);
        execute("update idempotency_record set created_at = now() - interval '25 hours' where idem_key = '"
                + oldKey + "'");

        assertTrue(retention.purge() >= 1);
        assertEquals(0, count(oldKey));
        assertEquals(1, count(freshKey));
        // The fresh key still replays; the forgotten one would now create anew (no client retries a day later).
        as(admin).header("Idempotency-Key", freshKey).body(Map.of("displayName", "Fresh"))
                .post("/api/v1/children").then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private int count(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from idempotency_record where idem_key = '" + key + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
