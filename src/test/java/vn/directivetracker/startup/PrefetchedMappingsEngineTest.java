package vn.directivetracker.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import vn.directivetracker.support.IntegrationTest;

/**
 * ADR 34 in the running application (H2, the embedded default): the engine is the starter's, built
 * from this application's configuration class, and runs on the mappings parsed ahead of it, so every
 * other test of this context exercises them too. The PostgreSQL tests, whose data source is a bean of
 * their own while {@code spring.datasource.url} still names H2, exercise the fallback (see
 * {@code SeedDirectiveOnPostgresIT}).
 */
class PrefetchedMappingsEngineTest extends IntegrationTest {

    @Test
    void theEngineRunsOnThePrefetchedMappings() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();

        assertThat(configuration).isInstanceOf(PrefetchedMappingsEngineConfiguration.class);
        assertThat(((PrefetchedMappingsEngineConfiguration) configuration).tookPrefetchedMappings()).isTrue();
        assertThat(configuration.getDatabaseType()).isEqualTo("h2");
        // What initSqlSessionFactory sets after the parse, as Camunda sets it.
        var mybatis = configuration.getSqlSessionFactory().getConfiguration();
        assertThat(mybatis.getEnvironment().getDataSource()).isSameAs(configuration.getDataSource());
        assertThat(mybatis.getEnvironment().getTransactionFactory()).isSameAs(configuration.getTransactionFactory());
        assertThat(mybatis.getDefaultExecutorType().name()).isEqualTo(configuration.isJdbcBatchProcessing() ? "BATCH" : "SIMPLE");
    }
}
