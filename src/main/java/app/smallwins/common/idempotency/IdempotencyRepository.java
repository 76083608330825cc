package app.smallwins.common.idempotency;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** Idempotency keys, per user, with the fingerprint of their first request and its stored result. */
@ApplicationScoped
public class IdempotencyRepository {

    private final EntityManager em;

    IdempotencyRepository(EntityManager em) {
        this.em = em;
    }

    /** A key's first request (its fingerprint) and result (null while that request is still running). */
    public record Stored(String requestHash, String response) {
    }

    /**
     * Claims the key for this request; false when it was claimed before. A concurrent claim
     * waits on the key's row until the first transaction ends.
     */
    boolean claim(UUID userId, String key, String fingerprint) {
        return em.createNativeQuery("""
                insert into idempotency_record (user_id, idem_key, request_hash, created_at)
                values (:user, :key, :hash, now())
                on conflict (user_id, idem_key) do nothing""")
                .setParameter("user", userId).setParameter("key", key).setParameter("hash", fingerprint)
                .executeUpdate() == 1;
    }

    void storeResponse(UUID userId, String key, String response) {
        em.createNativeQuery("update idempotency_record set response = :response where user_id = :user and idem_key = :key")
                .setParameter("user", userId).setParameter("key", key).setParameter("response", response)
                .executeUpdate();
    }

    Optional<Stored> find(UUID userId, String key) {
        return em.unwrap(Session.class).createNativeQuery("""
                select request_hash, response from idempotency_record where user_id = :user and idem_key = :key""",
                Stored.class)
                .addScalar("request_hash", String.class).addScalar("response", String.class)
                .setParameter("user", userId).setParameter("key", key)
                .uniqueResultOptional();
    }

    /** Deletes up to {@code batch} keys older than the retention; returns how many. */
    int purgeOlderThan(Duration retention, int batch) {
        return em.createNativeQuery("""
                delete from idempotency_record where ctid in (
                  select ctid from idempotency_record
                  where created_at < now() - cast(:retention as interval) limit :batch)""")
                .setParameter("retention", retention.toSeconds() + " seconds")
                .setParameter("batch", batch)
                .executeUpdate();
    }
}
