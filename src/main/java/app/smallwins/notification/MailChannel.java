package app.smallwins.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.text.Markup;

/**
 * Notification mail: plain, accessible HTML (one column, real headings and lists, the
 * person's language in {@code lang}) with a text part saying the same, times in the person's
 * time zone. Everything a person or the team wrote is escaped before it enters the HTML.
 */
@ApplicationScoped
public class MailChannel {

    private static final String FOOTER =
            "You get this because of your notification settings in Small Wins; change them there at any time.";

    private final MailTransport transport;
    private final Optional<String> appUrl;

    /** One child's week in the weekly summary. */
    record WeeklyPart(String name, String summary, String celebration) {
    }

    MailChannel(MailTransport transport, SmallWinsConfig config) {
        this.transport = transport;
        this.appUrl = config.notifications().appUrl().map(url -> url.replaceAll("/+$", ""));
    }

    /** Sends one instant notification; throws when the mail server does not take it. */
    void sendInstant(NotificationRepository.Outgoing n, NotificationSettings settings, Instant at) {
        String child = n.childName() == null ? "your child" : n.childName();
        String subject = NotificationTexts.subject(n.category(), child);
        String quote = settings.includeContent() ? n.quotedText() : null;
        Page page = new Page(subject);
        page.paragraph(NotificationTexts.lead(n.category(), child, n.actorCapacity()));
        if (quote != null) {
            page.quote(quote);
        }
        page.link(appUrl.map(url -> url + "/children/" + n.childId()), "Open it in Small Wins", "Open Small Wins to see it.");
        send(n, subject, settings, at, page);
    }

    /** Sends a daily digest. */
    void sendDigest(NotificationRepository.Outgoing n, NotificationSettings settings, DigestContent content, Instant at) {
        String subject = content.children().size() == 1
                ? content.children().get(0).name() + "'s day in Small Wins" : NotificationTexts.subject(n.category(), null);
        Page page = new Page(subject);
        for (DigestContent.ChildPart child : content.children()) {
            page.heading(child.headline());
            page.list(child.wins());
            for (List<String> lines : List.of(child.unread(), child.cheers(), child.flags(), child.team())) {
                lines.forEach(page::paragraph);
            }
        }
        page.link(appUrl, "Open Small Wins", "Open Small Wins to see it all.");
        send(n, subject, settings, at, page);
    }

    /** Sends the weekly summary. */
    void sendWeekly(NotificationRepository.Outgoing n, NotificationSettings settings, List<WeeklyPart> weeks, Instant at) {
        String subject = weeks.size() == 1 ? weeks.get(0).name() + "'s week of wins"
                : NotificationTexts.subject(n.category(), null);
        Page page = new Page(subject);
        for (WeeklyPart week : weeks) {
            page.heading(week.name());
            page.paragraph(week.summary());
            if (week.celebration() != null) {
                page.paragraph(week.celebration());
            }
        }
        page.link(appUrl, "Open Small Wins", "Open Small Wins to see the whole week.");
        send(n, subject, settings, at, page);
    }

    private void send(NotificationRepository.Outgoing n, String subject, NotificationSettings settings, Instant at,
            Page page) {
        page.footer("Sent " + NotificationTexts.when(at, settings.zone()) + ". " + FOOTER);
        transport.send(n.email(), subject, page.html(settings.language()), page.text());
    }

    /** A mail's body, built once as HTML and as text. */
    static final class Page {
        private final String title;
        private final StringBuilder html = new StringBuilder();
        private final StringBuilder text = new StringBuilder();

        Page(String title) {
            this.title = title;
            text.append(title).append('\n');
        }

        void heading(String line) {
            html.append("<h2 style=\"font-size:18px;margin:24px 0 8px\">").append(escape(line)).append("</h2>\n");
            text.append('\n').append(line).append('\n');
        }

        void paragraph(String line) {
            html.append("<p style=\"margin:0 0 12px\">").append(escape(line)).append("</p>\n");
            text.append('\n').append(line).append('\n');
        }

        void list(List<String> items) {
            if (items.isEmpty()) {
                return;
            }
            html.append("<ul style=\"margin:0 0 12px;padding-left:20px\">\n");
            items.forEach(item -> html.append("<li>").append(escape(item)).append("</li>\n"));
            html.append("</ul>\n");
            items.forEach(item -> text.append("- ").append(item).append('\n'));
        }

        void quote(String quoted) {
            html.append("<blockquote style=\"margin:0 0 12px;padding:8px 16px;border-left:4px solid #4a6fa5\">")
                    .append(escape(quoted)).append("</blockquote>\n");
            text.append("\n\"").append(quoted).append("\"\n");
        }

        void link(Optional<String> url, String label, String otherwise) {
            if (url.isPresent()) {
                html.append("<p style=\"margin:0 0 12px\"><a href=\"").append(escape(url.get()))
                        .append("\" style=\"color:#1d4f91\">").append(escape(label)).append("</a></p>\n");
                text.append('\n').append(label).append(": ").append(url.get()).append('\n');
            } else {
                paragraph(otherwise);
            }
        }

        void footer(String line) {
            html.append("<p style=\"margin:24px 0 0;font-size:14px;color:#555555\">").append(escape(line)).append("</p>\n");
            text.append('\n').append(line).append('\n');
        }

        String html(String language) {
            return "<!DOCTYPE html>\n<html lang=\"" + escape(language) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
                    + "</title>\n</head>\n<body style=\"margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;"
                    + "font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff\">\n<main style=\"max-width:560px\">\n"
                    + "<h1 style=\"font-size:20px;margin:0 0 16px\">" + escape(title) + "</h1>\n" + html
                    + "</main>\n</body>\n</html>\n";
        }

        String text() {
            return text.toString();
        }

        static String escape(String raw) {
            return Markup.escape(raw);
        }
    }
}
