package app.smallwins.observation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;

/** What every way of recording an observation (directly, journal, message) boils down to. */
public record ObservationDraft(ObservationKind kind, String text, UUID goalId, UUID stepId, Domain domain,
        Setting setting, PromptLevel promptLevel, Regulation regulation, boolean firstTime, String support,
        Instant occurredAt, List<UUID> mediaIds) {
}
