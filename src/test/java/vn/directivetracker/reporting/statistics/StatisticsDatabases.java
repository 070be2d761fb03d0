package vn.directivetracker.reporting.statistics;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Our schema (Flyway, as the application migrates it) without a running engine or a Spring context:
 * the statistics read only our tables. Camunda's runtime tables are created first from the engine's
 * own script, as the engine does before Flyway in the application, because some of our migrations
 * index them (V32).
 */
final class StatisticsDatabases {

    private StatisticsDatabases() {}

    static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        return migrated(dataSource);
    }

    /** A fresh PostgreSQL 15 server; close it when done. */
    static EmbeddedPostgres postgres(String name) {
        File dir = new File("target/" + name);
        dir.mkdirs();
        try {
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DataSource migrated(DataSource dataSource) {
        String database = dataSource instanceof JdbcDataSource ? "h2" : "postgres";
        new ResourceDatabasePopulator(new ClassPathResource(
                "org/camunda/bpm/engine/db/create/activiti." + database + ".create.engine.sql")).execute(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("dt_schema_history").baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
        return dataSource;
    }
}
