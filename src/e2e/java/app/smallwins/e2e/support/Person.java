package app.smallwins.e2e.support;

/** Someone who can sign in to the realm with a password. */
public record Person(String username, String password, String email, String name) {
}
