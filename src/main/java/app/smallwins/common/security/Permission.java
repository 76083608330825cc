package app.smallwins.common.security;

import static app.smallwins.common.security.Role.admin;
import static app.smallwins.common.security.Role.para;
import static app.smallwins.common.security.Role.parent;
import static app.smallwins.common.security.Role.teacher;
import static app.smallwins.common.security.Role.therapist;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a capacity on a child allows: the permission table of
 * docs/product.md#the-permission-table, in one place. Every rule that depends on the
 * capacity a person acts in is a row here; rules that depend on who wrote something (only
 * the author edits an observation or a message) are identity, checked in the services.
 */
public enum Permission {
    READ_RECORD(admin, teacher, therapist, para, parent),
    EDIT_PROFILE(admin, teacher, therapist),
    EDIT_SUPPORT_PROFILE(admin, teacher, therapist, parent),
    ARCHIVE_CHILD(admin),
    MANAGE_TEAM(admin, teacher),
    MANAGE_GOALS(admin, teacher, therapist),
    RECORD_OBSERVATIONS(admin, teacher, therapist, para, parent),
    /** The win journal holds the parents' evening entries; everyone else records observations. */
    WRITE_JOURNAL(parent),
    /** Authors delete their own observations; deleting one someone else recorded takes this. */
    DELETE_OTHERS_OBSERVATIONS(admin),
    /** Read the conversations one is in (the team's, and private ones one takes part in). */
    READ_CONVERSATIONS(admin, teacher, therapist, para, parent),
    /** Open conversations and post, correct or delete one's own messages, mark messages read. */
    MESSAGE(admin, teacher, therapist, para, parent),
    /** The earlier bodies of an edited or deleted message, kept in the record. */
    READ_MESSAGE_HISTORY(admin),
    READ_ACCESS_LOG(admin, parent),
    /** Whether photos and videos of the child may be recorded (the family's consent). */
    SET_MEDIA_CONSENT(admin, parent),
    EXPORT_RECORD(admin, parent);

    private final Set<Role> granted;

    Permission(Role first, Role... rest) {
        this.granted = EnumSet.of(first, rest);
    }

    /** Whether using the permission changes the record (not allowed on an archived child). */
    public boolean changesRecord() {
        return switch (this) {
            case READ_RECORD, READ_CONVERSATIONS, READ_MESSAGE_HISTORY, READ_ACCESS_LOG, EXPORT_RECORD,
                    ARCHIVE_CHILD -> false;
            default -> true;
        };
    }

    public boolean grantedTo(Role capacity) {
        return granted.contains(capacity);
    }
}
