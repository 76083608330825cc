package app.smallwins.notification;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.SmallWinsConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;

/**
 * E-mail through the Quarkus mailer (SMTP as configured; the dev mock in dev mode): plain,
 * accessible HTML with a text part, in the person's language and time zone.
 */
@ApplicationScoped
public class MailChannel {

    private final Mailer mailer;
    private final Template html;
    private final Template text;
    private final Template digestHtml;
    private final Template digestText;
    private final Template weeklyHtml;
    private final Template weeklyText;
    private final Optional<String> appUrl;

    /** One child's week in the weekly summary. */
    @TemplateData
    record WeeklyPart(String name, String summary, String celebration) {
    }

    MailChannel(Mailer mailer, @Location("mail/instant.html") Template html, @Location("mail/instant.txt") Template text,
            @Location("mail/digest.html") Template digestHtml, @Location("mail/digest.txt") Template digestText,
            @Location("mail/weekly.html") Template weeklyHtml, @Location("mail/weekly.txt") Template weeklyText,
            SmallWinsConfig config) {
        this.mailer = mailer;
        this.html = html;
        this.text = text;
        this.digestHtml = digestHtml;
        this.digestText = digestText;
        this.weeklyHtml = weeklyHtml;
        this.weeklyText = weeklyText;
        this.appUrl = config.notifications().appUrl().map(url -> url.replaceAll("/+$", ""));
    }

    /** Sends one instant notification; throws when the mail server does not take it. */
    void sendInstant(NotificationRepository.Outgoing n, NotificationSettings settings, Instant at) {
        String child = n.childName() == null ? "your child" : n.childName();
        String subject = NotificationTexts.subject(n.category(), child);
        Object quote = settings.includeContent() && n.quotedText() != null ? n.quotedText() : false;
        Object link = appUrl.<Object>map(url -> url + "/children/" + n.childId()).orElse(false);
        String lead = NotificationTexts.lead(n.category(), child, n.actorCapacity());
        String when = NotificationTexts.when(at, settings.zone());
        Mail mail = Mail.withHtml(n.email(), subject, render(html, settings, subject, lead, quote, link, when))
                .setText(render(text, settings, subject, lead, quote, link, when))
                // RFC 3834: no out-of-office replies to a notification.
                .addHeader("Auto-Submitted", "auto-generated");
        mailer.send(mail);
    }

    /** Sends a daily digest. */
    void sendDigest(NotificationRepository.Outgoing n, NotificationSettings settings, DigestContent content, Instant at) {
        String subject = content.children().size() == 1
                ? content.children().get(0).name() + "'s day in Small Wins" : NotificationTexts.subject(n.category(), null);
        send(n, subject, settings, at, digestHtml, digestText, "children", content.children());
    }

    /** Sends the weekly summary. */
    void sendWeekly(NotificationRepository.Outgoing n, NotificationSettings settings, java.util.List<WeeklyPart> weeks,
            Instant at) {
        String subject = weeks.size() == 1 ? weeks.get(0).name() + "'s week of wins"
                : NotificationTexts.subject(n.category(), null);
        send(n, subject, settings, at, weeklyHtml, weeklyText, "children", weeks);
    }

    private void send(NotificationRepository.Outgoing n, String subject, NotificationSettings settings, Instant at,
            Template htmlTemplate, Template textTemplate, String key, Object value) {
        Object link = appUrl.<Object>map(url -> url).orElse(false);
        String when = NotificationTexts.when(at, settings.zone());
        java.util.function.Function<Template, String> render = t -> t.data("language", settings.language())
                .data("subject", subject).data("link", link).data("when", when).data(key, value).render();
        mailer.send(Mail.withHtml(n.email(), subject, render.apply(htmlTemplate)).setText(render.apply(textTemplate))
                .addHeader("Auto-Submitted", "auto-generated"));
    }

    private static String render(Template template, NotificationSettings settings, String subject, String lead,
            Object quote, Object link, String when) {
        return template.data("language", settings.language()).data("subject", subject).data("lead", lead)
                .data("quote", quote).data("link", link).data("when", when).render();
    }
}
