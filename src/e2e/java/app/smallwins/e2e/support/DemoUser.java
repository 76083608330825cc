package app.smallwins.e2e.support;

/**
 * The demo users of docker/keycloak/realm.json (password "demo"). TINA, PAUL, THEO and PAM
 * first sign in to the API in CareTeamE2EIT, which checks that their invitations bind at
 * that moment; a scenario that needs people of its own makes them with
 * {@link Keycloak#newUser(String...)}.
 */
public enum DemoUser {
    ALICE("alice", "Alice Adams", "alice@school.example", "admin"),
    TINA("tina", "Tina Thomas", "tina@school.example", "teacher"),
    PAUL("paul", "Paul Price", "paul@school.example", "para"),
    THEO("theo", "Theo Turner", "theo@therapy.example", "therapist"),
    PAM("pam", "Pam Sharma", "pam@home.example", "parent"),
    /** A parent on no child's team. */
    OLGA("olga", "Olga Jones", "olga@home.example", "parent"),
    /** Signs in to the realm but holds none of the API's roles. */
    NORA("nora", "Nora North", "nora@school.example", null);

    public static final String PASSWORD = "demo";

    public final Person person;
    /** The one API role the user holds, or null. */
    public final String role;

    DemoUser(String username, String name, String email, String role) {
        this.person = new Person(username, PASSWORD, email, name);
        this.role = role;
    }
}
