package app.smallwins.observation;

public enum ObservationKind {
    WIN, SETBACK, NOTE
}
