package app.smallwins.e2e.support;

import java.nio.file.Path;

/**
 * Where things are and which ports to use: system properties set by the e2e profile in
 * pom.xml, with defaults that work from the project directory (e.g. in an IDE, after
 * {@code ./mvnw -Pe2e pre-integration-test} unpacked Keycloak).
 */
public record E2eSettings(
        Path dir,
        Path appJar,
        // The instance every scenario talks to unless it says otherwise (Api's requests go here).
        AppNode app,
        // A second instance of the same jar and schema: for what must work across nodes (live events).
        AppNode secondApp,
        Path keycloakHome,
        Path keycloakJavaHome,
        int keycloakPort,
        Path realmFile,
        String dbUrl,
        String dbUsername,
        String dbPassword,
        String dbSchema) {

    private static final E2eSettings CURRENT = fromSystemProperties();

    public static E2eSettings current() {
        return CURRENT;
    }

    private static E2eSettings fromSystemProperties() {
        return new E2eSettings(
                path("e2e.dir", "target/e2e"),
                path("e2e.app.jar", "target/quarkus-app/quarkus-run.jar"),
                new AppNode("app", port("e2e.app.port", 8089), port("e2e.app.management-port", 9089)),
                new AppNode("app-b", port("e2e.app-b.port", 8090), port("e2e.app-b.management-port", 9090)),
                path("e2e.keycloak.home", "target/e2e/keycloak-26.7.3"),
                path("e2e.keycloak.java-home", "/usr/lib/jvm/temurin-25-jdk-amd64"),
                Integer.parseInt(System.getProperty("e2e.keycloak.port", "8180")),
                path("e2e.realm", "docker/keycloak/realm.json"),
                System.getProperty("e2e.db.url", "jdbc:postgresql://127.0.0.1:5432/postgres"),
                System.getProperty("e2e.db.username", "postgres"),
                System.getProperty("e2e.db.password", ""),
                System.getProperty("e2e.db.schema", "smallwins_e2e"));
    }

    private static int port(String property, int fallback) {
        return Integer.parseInt(System.getProperty(property, Integer.toString(fallback)));
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    /** The first app instance's base URL. 127.0.0.1 everywhere: a token's issuer follows the host name used. */
    public String appUrl() {
        return app.url();
    }

    /** The first app instance's management interface: health and metrics, on a port of their own. */
    public String appManagementUrl() {
        return app.managementUrl();
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    /** The realm URL, which is also the issuer of its tokens and the app's QUARKUS_OIDC_AUTH_SERVER_URL. */
    public String realmUrl() {
        return keycloakUrl() + "/realms/" + Keycloak.REALM;
    }
}
