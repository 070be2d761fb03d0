package vn.directivetracker.common;

/** One rejected field of a request: its JSON path (e.g. {@code items[2].leadAgencies[0]}) and why. */
public record FieldViolation(String field, String message) {}
