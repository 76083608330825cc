package app.smallwins.common;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The clock of the rules that depend on the hour (quiet hours, digests): the system's, in UTC.
 * One bean, so tests can move time through a daylight-saving change.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
