package app.smallwins.media.process;

/**
 * An upload that fails a check, with the reason in words a teacher can act on
 * ("This file is a PDF, not a photo or video"). {@code status} is the HTTP status to answer
 * with: 415 for a type that is not allowed or does not match the declared one, 413 for a
 * file over its kind's cap, 422 for a file that cannot be read as what it claims to be.
 */
public class MediaRefused extends Exception {

    private final int status;

    public MediaRefused(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
