/**
 * End-to-end scenarios: the packaged app under a real Keycloak and PostgreSQL, over HTTP.
 * Run them with {@code ./mvnw -B verify -Pe2e}; the plain build neither compiles nor runs them.
 * <p>
 * To add a scenario, write a class named {@code *E2EIT} annotated with
 * {@link app.smallwins.e2e.support.EndToEnd} (servers start once per run, before its
 * {@code @BeforeAll}), and call the API through {@link app.smallwins.e2e.support.Api}:
 * {@code Api.as(DemoUser.TINA).get(...)}. Make the people a scenario needs with
 * {@link app.smallwins.e2e.support.Keycloak#newUser(String...)}; reuse the demo users of the
 * realm only where the scenario is about them. Two instances of the app run from the same jar
 * against the same schema, like nodes behind a load balancer: {@code Api} talks to the first;
 * a scenario about what crosses nodes reaches the second through
 * {@link app.smallwins.e2e.support.E2eSettings#secondApp()}. Server logs are in
 * target/e2e/*.log (app.log, app-b.log, keycloak.log) and their tails are printed when a test
 * fails.
 */
package app.smallwins.e2e;
