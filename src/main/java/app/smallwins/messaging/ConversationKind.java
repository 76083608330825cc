package app.smallwins.messaging;

/** TEAM: the whole care team, one per child, from the start. PRIVATE: chosen members of the team. */
public enum ConversationKind {
    TEAM, PRIVATE
}
