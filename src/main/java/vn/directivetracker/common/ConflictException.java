package vn.directivetracker.common;

/** The request is valid but the record's current state does not allow it (answered 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
