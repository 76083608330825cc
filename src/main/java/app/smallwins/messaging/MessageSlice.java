package app.smallwins.messaging;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import app.smallwins.media.MediaView;
import app.smallwins.user.Names;

/**
 * Messages loaded for another feature's page (the timeline): it names everyone the page
 * shows in one lookup ({@link #authorIds()}), then asks for the views.
 */
public final class MessageSlice {

    private final List<MessageRow> messages;

    MessageSlice(List<MessageRow> messages) {
        this.messages = messages;
    }

    public List<UUID> authorIds() {
        return messages.stream().map(MessageRow::authorId).toList();
    }

    /** The messages as a timeline shows them: without read receipts. */
    public Map<UUID, MessageView> views(Names names, Map<UUID, List<MediaView>> attachments) {
        return messages.stream().map(m -> MessageView.of(m, List.of(), names, attachments))
                .collect(Collectors.toMap(MessageView::id, Function.identity()));
    }
}
