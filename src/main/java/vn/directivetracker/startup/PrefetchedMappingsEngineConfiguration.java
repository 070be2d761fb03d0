package vn.directivetracker.startup;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * The engine configuration of the Camunda starter (same class, same plugins, same defaults), except
 * that it takes Camunda's MyBatis mappings from {@link EngineMappingsPrefetch} when they were parsed
 * for the database type and table prefix the engine detected (ADR 34). Otherwise, and when the shared
 * session factory of Camunda's test support is on, it parses them as Camunda does.
 */
public class PrefetchedMappingsEngineConfiguration extends SpringProcessEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PrefetchedMappingsEngineConfiguration.class);

    private final transient EngineMappingsPrefetch prefetch;
    private boolean tookPrefetched;

    PrefetchedMappingsEngineConfiguration(EngineMappingsPrefetch prefetch) {
        this.prefetch = prefetch;
    }

    /** Replaces the starter's {@code processEngineConfigurationImpl} (it backs off: conditional on a missing bean). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins,
                ObjectProvider<EngineMappingsPrefetch> prefetch) {
            // What CamundaBpmConfiguration.processEngineConfigurationImpl does, with this class.
            SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil.initCustomFields(
                    new PrefetchedMappingsEngineConfiguration(prefetch.getIfAvailable()));
            configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
            return configuration;
        }
    }

    @Override
    protected void initSqlSessionFactory() {
        Optional<Configuration> prefetched = prefetch == null || isUseSharedSqlSessionFactory || sqlSessionFactory != null
                ? Optional.empty()
                : prefetch.take(databaseType, databaseTablePrefix);
        if (prefetched.isEmpty()) {
            super.initSqlSessionFactory();
            return;
        }
        // The rest of Camunda's initSqlSessionFactory: what the parse did not need.
        Configuration configuration = prefetched.get();
        configuration.setEnvironment(new Environment("default", transactionFactory, dataSource));
        configuration.setDefaultStatementTimeout(jdbcStatementTimeout);
        if (isJdbcBatchProcessing()) {
            configuration.setDefaultExecutorType(ExecutorType.BATCH);
        }
        sqlSessionFactory = new DefaultSqlSessionFactory(configuration);
        tookPrefetched = true;
        log.debug("Camunda's mappings: prefetched ({})", databaseType);
    }

    /** Whether this engine runs on the prefetched mappings (for tests and the start-up log). */
    public boolean tookPrefetchedMappings() {
        return tookPrefetched;
    }
}
