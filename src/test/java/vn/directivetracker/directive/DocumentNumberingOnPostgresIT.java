package vn.directivetracker.directive;

import org.springframework.context.annotation.Import;
import vn.directivetracker.support.EmbeddedPostgresConfig;

/** Numbering on a real PostgreSQL 15: row locks and the counter's primary key as in production. */
@Import(EmbeddedPostgresConfig.class)
class DocumentNumberingOnPostgresIT extends DocumentNumberingScenario {}
