package app.smallwins.common.security;

import static app.smallwins.common.security.Role.admin;
import static app.smallwins.common.security.Role.para;
import static app.smallwins.common.security.Role.parent;
import static app.smallwins.common.security.Role.teacher;
import static app.smallwins.common.security.Role.therapist;

import java.util.EnumSet;
import java.util.Set;

/** What a capacity on a child allows: the permission table of DESIGN.md, in one place. */
public enum Permission {
    READ_RECORD(admin, teacher, therapist, para, parent),
    EDIT_PROFILE(admin, teacher, therapist),
    EDIT_SUPPORT_PROFILE(admin, teacher, therapist, parent),
    ARCHIVE_CHILD(admin),
    MANAGE_TEAM(admin, teacher),
    MANAGE_GOALS(admin, teacher, therapist),
    RECORD_OBSERVATIONS(admin, teacher, therapist, para, parent),
    MESSAGE(admin, teacher, therapist, para, parent),
    READ_ACCESS_LOG(admin, parent),
    EXPORT_RECORD(admin, parent);

    private final Set<Role> granted;

    Permission(Role first, Role... rest) {
        this.granted = EnumSet.of(first, rest);
    }

    /** Whether using the permission changes the record (not allowed on an archived child). */
    public boolean changesRecord() {
        return this != READ_RECORD && this != READ_ACCESS_LOG && this != EXPORT_RECORD && this != ARCHIVE_CHILD;
    }

    public boolean grantedTo(Role capacity) {
        return granted.contains(capacity);
    }
}
