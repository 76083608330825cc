package app.smallwins.notification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NotificationCategory", description = """
        What a notification is about:
        - `MESSAGE`: a new message in a conversation the person is in.
        - `URGENT_MESSAGE`: a message its author marked urgent. From staff it passes quiet hours.
        - `WIN`: a win recorded for a child.
        - `CHEER`: someone cheered an entry the person wrote.
        - `PROGRESS_FLAG`: a goal's paper and real life tell different stories.
        - `WEEKLY_SUMMARY`: the week's wins, at the scale they deserve (once a week).
        - `TEAM_CHANGE`: someone joined or left a child's care team.
        - `DAILY_DIGEST`: the day's wins, unread messages and cheers in one (history only; its content follows the
          categories set to `DIGEST`).""")
public enum NotificationCategory {
    MESSAGE, URGENT_MESSAGE, WIN, CHEER, PROGRESS_FLAG, WEEKLY_SUMMARY, TEAM_CHANGE, DAILY_DIGEST
}
