package vn.directivetracker.notification;

/** {@link OutboxDedupScenario} on H2, the embedded default. */
class OutboxDedupTest extends OutboxDedupScenario {}
