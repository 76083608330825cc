package app.smallwins.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    Notifications notifications();

    Mail mail();

    Reports reports();

    Media media();

    /** Photos and videos of wins, with the family's consent. */
    interface Media {
        /**
         * The media consent a new child's record opens with: NONE (no photos or video until a
         * parent says so) or TEAM (for schools that collect consent at enrolment).
         */
        String defaultConsent();

        /** Where the bytes live: LOCAL (a directory on this server) or S3 (an S3-compatible object store). */
        StoreKind store();

        /** LOCAL: the directory photos and videos are kept in (created when missing). */
        String directory();

        S3 s3();

        /** The largest photo accepted. */
        MemorySize maxImageSize();

        /** The largest video accepted. */
        MemorySize maxVideoSize();

        /** The most pixels a photo may have (a small file can claim a huge picture). */
        long maxImagePixels();

        /** Photos processed at once per node (each holds its decoded pixels in memory). */
        int imageWorkers();

        /** How long media stay after consent is withdrawn, before they are erased (unless consent returns). */
        Duration retention();

        /** How often a node looks for media due to be erased and stored objects without a record. */
        Duration cleanupInterval();

        /** The ffmpeg and ffprobe programs (video: metadata removed, poster frame, length). */
        String ffmpeg();

        String ffprobe();

        /** libheif's heif-convert (HEIC photos from phones). */
        String heifConvert();

        enum StoreKind {
            LOCAL,
            S3
        }

        interface S3 {
            /** The bucket (it must exist). */
            Optional<String> bucket();

            /** The store's address; none: AWS S3 in the region. */
            Optional<String> endpoint();

            String region();

            /** Path-style addresses (bucket in the path), as most S3-compatible stores want. */
            boolean pathStyle();

            /** Static credentials; none: the AWS SDK's default chain (environment, profile, instance role). */
            Optional<String> accessKeyId();

            Optional<String> secretAccessKey();
        }
    }

    /** The IEP progress report (docs/progress.md, rule 14). */
    interface Reports {
        /** The PDF's paper: US Letter or A4. */
        PageSize pageSize();

        enum PageSize {
            LETTER, A4
        }
    }

    interface Db {
        /** The one schema every table lives in (Flyway, Hibernate and the search path use it). */
        String schema();
    }

    interface Http {
        /** Longest request target answered; longer is 414. */
        int maxUriLength();

        /** Largest total size of request headers answered; larger is 431. */
        MemorySize maxHeaderSize();

        /** Largest request body answered, but for media uploads (their caps are by kind); larger is 413. */
        MemorySize maxBodySize();
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

    interface Notifications {
        /** How often each node looks for notifications due to be sent (planning wakes it sooner). */
        Duration pollInterval();

        /** Threads per node that send notifications. */
        int threads();

        /**
         * How often a node tells the queue it is alive while it sends; a node silent for four of
         * these is taken for dead, and its notifications are sent by another.
         */
        Duration heartbeatInterval();

        /** How long sent and failed notifications stay in a person's history. */
        Duration retention();

        /** How often notifications older than the retention are deleted (one node per round). */
        Duration purgeInterval();

        /** How often the digest planner looks for people whose digest time has passed (one node per round). */
        Duration digestCheckInterval();

        /** The wait before the first retry of a failed send; each further retry waits twice as long. */
        Duration firstRetryDelay();

        /** The longest wait between two retries. */
        Duration maxRetryDelay();

        /** Attempts before a notification is marked FAILED. */
        int maxAttempts();

        /** The web app's address, for links in mails (none: mails say to open Small Wins). */
        Optional<String> appUrl();

        WebPush webPush();

        interface WebPush {
            /** The VAPID public key (base64url, uncompressed P-256 point); Web Push is off without both keys. */
            Optional<String> publicKey();

            /** The VAPID private key (base64url, the 32-byte scalar). */
            Optional<String> privateKey();

            /** The contact the push services see in the VAPID token (mailto: or https:). */
            String subject();

            /** Host names (or suffixes starting with a dot) a subscription's endpoint may name. */
            List<String> allowedHosts();

            /** Whether endpoints may use plain http (only for a push service on the same machine, in tests). */
            boolean allowHttp();

            /** How long a push service keeps an undelivered notification for an offline device. */
            Duration timeToLive();
        }
    }

    /** The SMTP server notification mail goes through. */
    interface Mail {
        String host();

        int port();

        /** DISABLED, OPTIONAL (when the server offers it) or REQUIRED (no mail without it). */
        StartTls startTls();

        Optional<String> username();

        Optional<String> password();

        /** The sender, e.g. {@code Small Wins <notifications@school.example>}. */
        String from();

        /** Log each mail instead of sending it (dev mode). */
        boolean mock();

        /**
         * Mail only addresses the identity provider says are verified (a token's
         * {@code email_verified}); dev mode's OIDC service verifies none.
         */
        boolean verifiedAddressesOnly();

        /** How long connecting, and each exchange with the server, may take. */
        Duration timeout();

        enum StartTls {
            DISABLED, OPTIONAL, REQUIRED
        }
    }
}
