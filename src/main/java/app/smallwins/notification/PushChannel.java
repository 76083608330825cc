package app.smallwins.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Security;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import app.smallwins.common.SmallWinsConfig;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.PushService;

/**
 * Web Push through {@code dev.blanke.webpush}: RFC 8030 delivery, RFC 8291 {@code aes128gcm}
 * payload encryption and RFC 8292 VAPID. Off until both VAPID keys are configured. The server
 * only ever posts to the push services' own hosts ({@code allowed-hosts}), over https: an
 * endpoint is a URL a client chose, and must not point the server at anything else.
 */
@ApplicationScoped
public class PushChannel {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Optional<PushService> service;
    private final Optional<String> publicKey;
    private final List<String> allowedHosts;
    private final boolean allowHttp;
    private final int timeToLive;

    PushChannel(SmallWinsConfig config) throws GeneralSecurityException {
        SmallWinsConfig.Notifications.WebPush settings = config.notifications().webPush();
        this.allowedHosts = settings.allowedHosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.allowHttp = settings.allowHttp();
        this.timeToLive = (int) settings.timeToLive().toSeconds();
        if (settings.publicKey().isPresent() && settings.privateKey().isPresent()) {
            // The library asks for Bouncy Castle's provider by name, and leaves registering it to us.
            if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
                Security.addProvider(new BouncyCastleProvider());
            }
            this.publicKey = settings.publicKey();
            this.service = Optional.of(PushService.builder()
                    .withVapidPublicKey(settings.publicKey().get())
                    .withVapidPrivateKey(settings.privateKey().get())
                    .withVapidSubject(settings.subject())
                    .withJwtFactory(new VapidTokens())
                    .withHttpClient(HttpClient.newBuilder().connectTimeout(TIMEOUT).build())
                    .build());
        } else {
            this.publicKey = Optional.empty();
            this.service = Optional.empty();
        }
    }

    boolean isEnabled() {
        return service.isPresent();
    }

    Optional<String> publicKey() {
        return publicKey;
    }

    /** Whether the server would post to this endpoint: https (or http where allowed) to a push service's host. */
    boolean accepts(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            String host = uri.getHost();
            boolean scheme = "https".equals(uri.getScheme()) || allowHttp && "http".equals(uri.getScheme());
            if (!scheme || host == null || uri.getUserInfo() != null) {
                return false;
            }
            String h = host.toLowerCase(Locale.ROOT);
            return allowedHosts.stream().anyMatch(a -> a.startsWith(".") ? h.endsWith(a) : h.equals(a));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** What a push service answered: its status, and how long it asked us to wait (429). */
    record Answer(int status, Optional<Duration> retryAfter) {

        boolean accepted() {
            return status >= 200 && status < 300;
        }

        /** The subscription is gone for good (RFC 8030 section 7.3): forget it. */
        boolean gone() {
            return status == 404 || status == 410;
        }
    }

    /** Posts one encrypted payload to one subscription; throws when the push service cannot be reached. */
    Answer send(NotificationRepository.Subscription to, String payload, String topic, boolean urgent, Instant now)
            throws Exception {
        Notification notification = Notification.builder()
                .endpoint(to.endpoint())
                .userPublicKey(to.p256dh())
                .userAuth(to.auth())
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .ttl(timeToLive)
                .topic(topic)
                .urgency(urgent ? Notification.Urgency.HIGH : Notification.Urgency.NORMAL)
                .build();
        HttpResponse<Void> response = service.orElseThrow()
                .sendAsync(notification, Encoding.AES_128_GCM, HttpResponse.BodyHandlers.discarding())
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After")
                .flatMap(value -> retryAfter(value, now)));
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110 section 10.2.3). */
    static Optional<Duration> retryAfter(String value, Instant now) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
        } catch (NumberFormatException e) {
            try {
                Instant at = java.time.ZonedDateTime.parse(value.strip(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (java.time.format.DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
