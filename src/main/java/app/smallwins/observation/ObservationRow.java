package app.smallwins.observation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import app.smallwins.common.persistence.TypedRows;
import app.smallwins.common.security.Role;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;

/** An observation as its view shows it, read without an entity (a timeline page) or taken from one. */
record ObservationRow(UUID id, UUID childId, ObservationKind kind, String text, UUID goalId, UUID stepId,
        Domain domain, Setting setting, PromptLevel promptLevel, Regulation regulation, boolean firstTime,
        String support, Instant occurredAt, ObservationSource source, UUID messageId, UUID authorId,
        Role authorCapacity, Instant createdAt, Instant updatedAt, long version) {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "id, child_id, kind, text, goal_id, step_id, domain, setting, prompt_level, "
            + "regulation, first_time, support, occurred_at, source, message_id, author_id, author_capacity, "
            + "created_at, updated_at, version";

    static ObservationRow of(Observation o) {
        return new ObservationRow(o.id, o.childId, o.kind, o.text, o.goalId, o.stepId, o.domain, o.setting,
                o.promptLevel, o.regulation, o.firstTime, o.support, o.occurredAt, o.source, o.messageId,
                o.authorId, o.authorCapacity, o.createdAt, o.updatedAt, o.version);
    }

    static ObservationRow read(ResultSet row) throws SQLException {
        return new ObservationRow(TypedRows.uuid(row, 1), TypedRows.uuid(row, 2),
                TypedRows.enumOf(ObservationKind.class, row, 3), row.getString(4), TypedRows.uuid(row, 5),
                TypedRows.uuid(row, 6), TypedRows.enumOf(Domain.class, row, 7), TypedRows.enumOf(Setting.class, row, 8),
                TypedRows.enumOf(PromptLevel.class, row, 9), TypedRows.enumOf(Regulation.class, row, 10),
                row.getBoolean(11), row.getString(12), TypedRows.instant(row, 13),
                TypedRows.enumOf(ObservationSource.class, row, 14), TypedRows.uuid(row, 15), TypedRows.uuid(row, 16),
                TypedRows.enumOf(Role.class, row, 17), TypedRows.instant(row, 18), TypedRows.instant(row, 19),
                row.getLong(20));
    }
}
