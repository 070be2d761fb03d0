package vn.directivetracker.common;

/**
 * The values of the approve/return choices in every process's forms ({@code reviewDecision},
 * {@code signDecision}, {@code headDecision}, {@code extensionDecision}): declared once for all processes
 * (docs/process-contract.md).
 */
public final class Decisions {

    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";

    private Decisions() {}
}
