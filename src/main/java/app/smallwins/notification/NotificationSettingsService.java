package app.smallwins.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.access.Caller;
import app.smallwins.common.error.ApiException;
import app.smallwins.common.input.TimeZones;
import app.smallwins.common.security.Role;

/**
 * A person's notification settings: read (theirs, or the defaults of their capacity), replaced,
 * and resolved for the planner and the sender. Changing quiet hours moves what they hold.
 */
@ApplicationScoped
public class NotificationSettingsService {

    /** The languages mails and push titles are written in. */
    static final Set<String> LANGUAGES = Set.of("en");

    private final NotificationRepository notifications;
    private final NotificationQueue queue;
    private final TimeZones timeZones;
    private final ObjectMapper json;
    private final Clock clock;

    NotificationSettingsService(NotificationRepository notifications, NotificationQueue queue, TimeZones timeZones,
            ObjectMapper json, Clock clock) {
        this.notifications = notifications;
        this.queue = queue;
        this.timeZones = timeZones;
        this.json = json;
        this.clock = clock;
    }

    /** How to reach a person and what they chose. */
    record Reach(UUID userId, String email, boolean hasPushDevice, NotificationSettings settings) {
    }

    @Transactional
    public NotificationSettings current(Caller caller) {
        return notifications.settings(caller.userId()).map(this::read)
                .orElseGet(() -> NotificationSettings.defaults(isFamily(caller), notifications.defaultZone(caller.userId())));
    }

    @Transactional
    public NotificationSettings replace(Caller caller, NotificationSettingsUpdate given) {
        if (!timeZones.isKnown(given.timeZone())) {
            throw ApiException.invalid("timeZone", TimeZones.RULE);
        }
        if (!LANGUAGES.contains(given.language())) {
            throw ApiException.invalid("language", "must be one of: " + String.join(", ", LANGUAGES.stream().sorted().toList()));
        }
        if (given.quietHours() != null && given.quietHours().start().equals(given.quietHours().end())) {
            throw ApiException.invalid("quietHours", "start and end must differ; send null for no quiet hours");
        }
        NotificationSettings fallback = NotificationSettings.defaults(isFamily(caller), given.timeZone());
        NotificationSettings complete = new NotificationSettings(given.timeZone(), given.language(),
                given.quietHours() == null ? null : new NotificationSettings.QuietHoursSetting(
                        given.quietHours().start(), given.quietHours().end()),
                new NotificationSettings.Digest(given.digest().time(),
                        given.digest().days().stream().distinct().sorted().toList()),
                given.weeklySummaryDay(), given.includeContent(),
                given.categories() == null ? fallback.categories() : given.categories().over(fallback.categories()));
        Instant now = clock.instant();
        notifications.storeSettings(caller.userId(), complete, write(complete.categories()), now);
        release(caller.userId(), complete, now);
        return complete;
    }

    /**
     * Held notifications wait for the new quiet hours instead: at once when it is no longer
     * quiet (or quiet hours were removed), or when the new ones end.
     */
    private void release(UUID userId, NotificationSettings settings, Instant now) {
        Instant until = settings.quiet().flatMap(q -> q.endAfter(now, settings.zone())).orElse(now);
        for (NotificationRepository.Held held : notifications.held(userId)) {
            if (!until.equals(held.heldUntil())) {
                notifications.holdUntil(held.id(), until);
                queue.moveTo(held.id(), until);
            }
        }
    }

    /** The settings and addresses of several people, in one statement. */
    Map<UUID, Reach> reach(UUID[] userIds) {
        Map<UUID, Reach> reach = new HashMap<>();
        if (userIds.length == 0) {
            return reach;
        }
        for (NotificationRepository.Profile p : notifications.profiles(userIds)) {
            reach.put(p.userId(), new Reach(p.userId(), p.email(), p.hasPushDevice(),
                    resolve(p.stored(), p.family(), p.defaultZone())));
        }
        return reach;
    }

    NotificationSettings resolve(NotificationRepository.StoredSettings stored, boolean family, String defaultZone) {
        return stored == null ? NotificationSettings.defaults(family, defaultZone) : read(stored);
    }

    private NotificationSettings read(NotificationRepository.StoredSettings s) {
        NotificationSettings.QuietHoursSetting quiet = s.quietStart() == null ? null
                : new NotificationSettings.QuietHoursSetting(s.quietStart(), s.quietEnd());
        List<Weekday> days = Arrays.stream(s.digestDays().split(",")).map(Weekday::valueOf).toList();
        try {
            return new NotificationSettings(s.timeZone(), s.language(), quiet,
                    new NotificationSettings.Digest(s.digestTime(), days), Weekday.valueOf(s.weeklySummaryDay()),
                    s.includeContent(), json.readValue(s.categoriesJson(), NotificationSettings.Categories.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored notification categories cannot be read", e);
        }
    }

    private String write(NotificationSettings.Categories categories) {
        try {
            return json.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Notification categories cannot be written", e);
        }
    }

    /** A family member by the token: a parent role and no staff role. */
    private static boolean isFamily(Caller caller) {
        return caller.roles().contains(Role.parent) && caller.roles().stream().allMatch(r -> r == Role.parent);
    }
}
