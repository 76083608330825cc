package app.smallwins.child;

/** How a child communicates. */
public enum CommunicationMode {
    SPEECH, AAC_DEVICE, SIGN, PICTURES, GESTURES, WRITING, OTHER
}
