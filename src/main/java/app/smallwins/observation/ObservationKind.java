package app.smallwins.observation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ObservationKind", description = """
        What was seen:
        - `WIN`: something the child did, or did better than before.
        - `SETBACK`: a step back, a refusal or a shutdown: data, not failure.
        - `NOTE`: anything else worth knowing.""")
public enum ObservationKind {
    WIN, SETBACK, NOTE
}
