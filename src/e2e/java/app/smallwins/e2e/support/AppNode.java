package app.smallwins.e2e.support;

/**
 * One instance of the packaged app: the suite runs two from the same jar, against the same
 * database schema and Keycloak, as a deployment behind a load balancer would. {@code name}
 * names its log (target/e2e/{@code name}.log) and pid file.
 */
public record AppNode(String name, int port, int managementPort) {

    /** The base URL. 127.0.0.1 everywhere: a token's issuer follows the host name used. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health and metrics, on a port of their own. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }
}
