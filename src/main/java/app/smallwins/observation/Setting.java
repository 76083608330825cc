package app.smallwins.observation;

/** Where an observation happened. */
public enum Setting {
    HOME, CLASSROOM, THERAPY, PLAYGROUND, COMMUNITY, OTHER
}
