package app.smallwins.live;

import app.smallwins.access.ChildGrant;

/**
 * Fired (synchronously, in the change's transaction) when an observation or a goal of a child
 * changed: the progress rules may now answer differently (progress/GapWatch listens). An event
 * rather than a call, so the features that record keep no dependency on the one that judges.
 */
public record RecordChanged(ChildGrant grant, EventType type) {
}
