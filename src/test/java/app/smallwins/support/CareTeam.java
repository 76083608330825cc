package app.smallwins.support;

import static app.smallwins.support.Api.addMember;
import static app.smallwins.support.Api.createChild;
import static app.smallwins.support.Tokens.newUser;

/**
 * A child with a full care team, plus people who must not see it: the cast of most tests.
 * Each instance uses fresh users and a fresh child.
 */
public final class CareTeam {

    public final Tokens.TestUser admin = newUser("admin");
    public final Tokens.TestUser teacher = newUser("teacher");
    public final Tokens.TestUser para = newUser("para");
    public final Tokens.TestUser therapist = newUser("therapist");
    public final Tokens.TestUser parent = newUser("parent");
    /** A parent on another child's team only. */
    public final Tokens.TestUser otherParent = newUser("parent");
    /** A teacher on no team at all. */
    public final Tokens.TestUser strangerTeacher = newUser("teacher");

    public final String childId;
    public final String otherChildId;
    public final String teacherMembership;
    public final String paraMembership;
    public final String therapistMembership;
    public final String parentMembership;

    public CareTeam() {
        childId = createChild(admin, "Arjun Sharma");
        teacherMembership = addMember(admin, childId, teacher, "teacher", "class teacher");
        paraMembership = addMember(teacher, childId, para, "para", "classroom para");
        therapistMembership = addMember(teacher, childId, therapist, "therapist", "SLP");
        parentMembership = addMember(teacher, childId, parent, "parent", "mother");
        otherChildId = createChild(admin, "Maya Jones");
        addMember(admin, otherChildId, otherParent, "parent", "father");
    }

    /** The admin and the four team members. */
    public java.util.List<Tokens.TestUser> everyone() {
        return java.util.List.of(admin, teacher, para, therapist, parent);
    }

    /** People with a team role who are not on this child's team. */
    public java.util.List<Tokens.TestUser> strangers() {
        return java.util.List.of(otherParent, strangerTeacher);
    }

    public String childPath() {
        return Api.BASE + "/children/" + childId;
    }
}
