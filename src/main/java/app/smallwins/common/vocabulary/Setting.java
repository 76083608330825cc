package app.smallwins.common.vocabulary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an observation happened. */
@Schema(name = "Setting", description = """
        Where it happened:
        - `HOME`: at home.
        - `CLASSROOM`: in class.
        - `THERAPY`: in a therapy session.
        - `PLAYGROUND`: at play time outside.
        - `COMMUNITY`: out and about: shops, bus, park.
        - `OTHER`: anywhere else.""")
public enum Setting {
    HOME, CLASSROOM, THERAPY, PLAYGROUND, COMMUNITY, OTHER
}
