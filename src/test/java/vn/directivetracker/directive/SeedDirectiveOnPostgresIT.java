package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import vn.directivetracker.startup.PrefetchedMappingsEngineConfiguration;
import vn.directivetracker.support.EmbeddedPostgresConfig;

/** The seed scenario on a real PostgreSQL 15 (the production database). */
@Import(EmbeddedPostgresConfig.class)
class SeedDirectiveOnPostgresIT extends SeedDirectiveScenario {

    /**
     * ADR 34's fallback: the mappings were prefetched for the H2 that {@code spring.datasource.url}
     * names, the engine detected PostgreSQL from this test's own data source, so it parsed its own —
     * and the seed scenario above runs on them.
     */
    @Test
    void anEngineOnAnotherDatabaseThanPrefetchedParsesItsOwnMappings() {
        var configuration = (PrefetchedMappingsEngineConfiguration) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
        assertThat(configuration.tookPrefetchedMappings()).isFalse();
    }
}
