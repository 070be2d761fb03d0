package vn.directivetracker.agency;

/** A registry data file that cannot be imported; the message names the file and line. */
public class InvalidRegistryException extends RuntimeException {

    public InvalidRegistryException(String message) {
        super(message);
    }
}
