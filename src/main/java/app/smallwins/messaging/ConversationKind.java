package app.smallwins.messaging;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** TEAM: the whole care team, one per child, from the start. PRIVATE: chosen members of the team. */
@Schema(name = "ConversationKind", description = """
        Who is in a conversation:
        - `TEAM`: the whole care team; one per child, from the start.
        - `PRIVATE`: chosen members of the team, e.g. one parent and the class teacher.""")
public enum ConversationKind {
    TEAM, PRIVATE
}
