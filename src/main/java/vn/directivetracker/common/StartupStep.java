package vn.directivetracker.common;

/**
 * One step of what the application creates or checks at start (registry, identity, grants, filters,
 * demo data, seed letter). Each step keeps its logic in its feature; {@code startup.StartupSequence}
 * alone decides the order, so that the order is written down in one place. Steps are idempotent:
 * they run at every start.
 */
public interface StartupStep {

    /** Stable name, listed in {@code StartupSequence.ORDER} and shown in the start-up log. */
    String name();

    void run() throws Exception;
}
