package vn.directivetracker.notification;

import org.springframework.context.annotation.Import;
import vn.directivetracker.support.EmbeddedPostgresConfig;

/** {@link OutboxDedupScenario} on a real PostgreSQL 15: the INSERT … SELECT's casts are PostgreSQL's concern. */
@Import(EmbeddedPostgresConfig.class)
class OutboxDedupOnPostgresIT extends OutboxDedupScenario {}
