package app.smallwins.child;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a child communicates. */
@Schema(name = "CommunicationMode", description = """
        How the child communicates:
        - `SPEECH`: spoken words.
        - `AAC_DEVICE`: an augmentative and alternative communication device or app.
        - `SIGN`: signs (e.g. a sign language or Makaton).
        - `PICTURES`: pictures or symbols (e.g. a picture board or exchange).
        - `GESTURES`: gestures, pointing, leading an adult.
        - `WRITING`: writing or typing.
        - `OTHER`: another way; the notes say which.""")
public enum CommunicationMode {
    SPEECH, AAC_DEVICE, SIGN, PICTURES, GESTURES, WRITING, OTHER
}
