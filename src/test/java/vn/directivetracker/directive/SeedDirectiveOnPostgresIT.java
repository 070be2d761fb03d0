package vn.directivetracker.directive;

import org.springframework.context.annotation.Import;
import vn.directivetracker.support.EmbeddedPostgresConfig;

/** The seed scenario on a real PostgreSQL 15 (the production database). */
@Import(EmbeddedPostgresConfig.class)
class SeedDirectiveOnPostgresIT extends SeedDirectiveScenario {}
