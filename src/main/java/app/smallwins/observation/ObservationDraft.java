package app.smallwins.observation;

import java.time.Instant;
import java.util.UUID;

import app.smallwins.goal.Domain;

/** What every way of recording an observation (directly, journal, message) boils down to. */
public record ObservationDraft(ObservationKind kind, String text, UUID goalId, UUID stepId, Domain domain,
        Setting setting, PromptLevel promptLevel, Regulation regulation, boolean firstTime, String support,
        Instant occurredAt) {
}
