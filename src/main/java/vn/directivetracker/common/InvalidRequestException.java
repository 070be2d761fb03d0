package vn.directivetracker.common;

import java.util.List;

/** A request that breaks business rules; answered 400 naming every bad field, nothing written. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super("Dữ liệu không hợp lệ: " + violations);
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
