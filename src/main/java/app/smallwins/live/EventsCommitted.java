package app.smallwins.live;

/**
 * Fired on a node's listener thread each time it wakes: events may have been committed since
 * the last time (or the wake interval passed, the safety net). Observers must return at once;
 * the notification planner only notes that it has work.
 */
public record EventsCommitted() {
}
