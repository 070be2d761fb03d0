package vn.directivetracker.letter;

/** Input that is not a letter we can read; the message tells the coordinator, in Vietnamese, what to do. */
public class LetterRejectedException extends RuntimeException {

    /** 400 unreadable or empty, 413 too large, 415 a kind of file we do not read. */
    private final int status;

    public LetterRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
