package app.smallwins.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.smallwins.access.Caller;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.error.Problem;
import app.smallwins.common.error.ProblemType;
import app.smallwins.common.input.InputRules;
import app.smallwins.common.paging.Cursor;
import app.smallwins.common.paging.Page;

/** A person's push subscriptions and their notification history. */
@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;
    private final PushChannel push;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, PushChannel push, Clock clock) {
        this.notifications = notifications;
        this.push = push;
        this.clock = clock;
    }

    Optional<VapidKeyView> vapidKey() {
        return push.publicKey().map(VapidKeyView::new);
    }

    @Transactional
    public PushSubscriptionView subscribe(Caller caller, NewPushSubscription body) {
        if (!push.isEnabled()) {
            throw ApiException.conflict("Web Push is not turned on for this server");
        }
        requireKey("keys.p256dh", body.keys().p256dh(), 65, "must be the browser's P-256 public key, base64url");
        requireKey("keys.auth", body.keys().auth(), 16, "must be the browser's 16-byte secret, base64url");
        if (!push.accepts(body.endpoint())) {
            throw new ApiException(ProblemType.UNPROCESSABLE, "The endpoint is not a push service this server delivers to",
                    List.of(new Problem.FieldError("endpoint", "must be the https address of a browser's push service")));
        }
        NotificationRepository.Subscription s = notifications.subscribe(caller.userId(), body.endpoint(),
                body.keys().p256dh(), body.keys().auth(), clock.instant());
        return new PushSubscriptionView(s.id(), s.endpoint(), s.createdAt());
    }

    @Transactional
    public void unsubscribe(Caller caller, String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw ApiException.invalid("endpoint", "is required: the subscription's endpoint");
        }
        if (endpoint.length() > 2048 || InputRules.textProblem(endpoint) != null) {
            throw ApiException.invalid("endpoint", "must be the subscription's endpoint, as the browser gave it");
        }
        notifications.unsubscribe(caller.userId(), endpoint);
    }

    @Transactional
    public Page<NotificationView> history(Caller caller, Cursor after, int limit) {
        Instant now = clock.instant();
        List<NotificationRepository.HistoryRow> rows = notifications.history(caller.userId(), after, limit + 1);
        return Page.of(rows, limit, r -> new Cursor(r.createdAt(), r.id())).map(r -> view(r, now));
    }

    private static NotificationView view(NotificationRepository.HistoryRow r, Instant now) {
        // Quiet hours over, it waits for a sending thread like any other.
        NotificationStatus status = r.status() == NotificationStatus.HELD && !r.heldUntil().isAfter(now)
                ? NotificationStatus.QUEUED : r.status();
        return new NotificationView(r.id(), r.category(), r.channel(), status, r.childId(), r.createdAt(),
                r.heldUntil(), r.sentAt(), r.bypassedQuietHours(), r.attempts(), r.lastError(), r.conversationId(),
                r.messageId(), r.observationId(), r.goalId());
    }

    private static void requireKey(String field, String value, int bytes, String rule) {
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(value.strip().replace("=", ""));
            if (decoded.length == bytes && (bytes != 65 || decoded[0] == 4)) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.invalid(field, rule);
    }
}
