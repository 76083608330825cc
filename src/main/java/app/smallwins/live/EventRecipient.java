package app.smallwins.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import app.smallwins.common.persistence.TypedRows;
import app.smallwins.common.security.Role;

/** A person who may see an event, and the capacity that shows it to them (null: a notice to them alone). */
public record EventRecipient(long eventId, UUID userId, Role via) {

    static EventRecipient of(ResultSet r) throws SQLException {
        String role = r.getString(3);
        return new EventRecipient(r.getLong(1), TypedRows.uuid(r, 2), role == null ? null : Role.valueOf(role));
    }
}
