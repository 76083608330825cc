package app.smallwins.common;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * Everything under {@code smallwins.*}, typed and checked at startup. The values and their
 * meaning live in {@code application.properties} (and the README's configuration table),
 * never as defaults here; every key can be overridden by its environment variable.
 */
@ConfigMapping(prefix = "smallwins")
public interface SmallWinsConfig {

    Db db();

    Http http();

    AccessLog accessLog();

    Idempotency idempotency();

    Live live();

    interface Db {
        /** The one schema every table lives in (Flyway, Hibernate and the search path use it). */
        String schema();
    }

    interface Http {
        /** Longest request target answered; longer is 414. */
        int maxUriLength();

        /** Largest total size of request headers answered; larger is 431. */
        MemorySize maxHeaderSize();
    }

    interface AccessLog {
        /** How often queued reads are written: a crash loses at most this much of them. */
        Duration flushInterval();
    }

    interface Idempotency {
        /** How long a POST's Idempotency-Key is remembered. */
        Duration retention();

        /** How often keys older than the retention are deleted. */
        Duration purgeInterval();
    }

    interface Live {
        /** How long events are kept for Last-Event-ID replay and polling; an older position gets a reset. */
        Duration retention();

        /** How often events older than the retention are deleted. */
        Duration purgeInterval();

        /** How often an idle stream gets a comment line, so proxies keep it open. */
        Duration heartbeatInterval();

        /** How often a node reads the event table even when no notification came (the safety net). */
        Duration wakeInterval();

        /** How long a node waits before listening again after losing its database connection. */
        Duration reconnectDelay();

        /** How often the paper-reality gaps are checked for flips that only time makes (one node per round). */
        Duration gapCheckInterval();
    }
}
