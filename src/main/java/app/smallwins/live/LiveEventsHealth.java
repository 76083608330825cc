package app.smallwins.live;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the node listens for events: a node that lost its LISTEN connection would hold
 * streams that hear nothing until it reconnects (within a second, normally), so the load
 * balancer sends new streams elsewhere meanwhile.
 */
@Readiness
@ApplicationScoped
public class LiveEventsHealth implements HealthCheck {

    private final LiveEventDispatcher dispatcher;

    LiveEventsHealth(LiveEventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("live events").status(dispatcher.isListening())
                .withData("streams", dispatcher.openStreams()).build();
    }
}
