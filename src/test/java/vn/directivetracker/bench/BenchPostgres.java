package vn.directivetracker.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import vn.directivetracker.support.PostgresServer;

/**
 * A real PostgreSQL 15 (zonky) under {@code target/bench-postgres}, fresh for each run, with the
 * application's own pool settings ({@code spring.datasource.hikari.*} of application.yaml are bound
 * to it, unlike the tests' fixed pool), so a change of pool size on another branch shows in the
 * figures. A bean, so Spring stops the engine and the pool before the server.
 */
@TestConfiguration(proxyBeanMethods = false)
class BenchPostgres {

    @Bean(destroyMethod = "close")
    PostgresServer benchPostgres() {
        return new PostgresServer("bench-postgres");
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(PostgresServer postgres) {
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.jdbcUrl("postgres")).username("postgres").password("postgres").build();
    }
}
