package vn.directivetracker.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real PostgreSQL 15 (zonky) that a test can stop and start again on the same data directory and
 * port — a database restart as the application sees it. For the application JVMs the tests start.
 */
public final class PostgresServer implements AutoCloseable {

    private final File workDir;
    private final File dataDir;
    private final int port;
    private EmbeddedPostgres postgres;

    public PostgresServer(String name) {
        this.workDir = new File("target/" + name + "/work");
        this.dataDir = new File("target/" + name + "/data");
        workDir.mkdirs();
        this.port = freePort();
        // A fresh data directory, removed here rather than by zonky: zonky deletes a directory it was
        // asked to clean when the server closes, which would turn a restart into an empty database.
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start(false);
    }

    private void start(boolean clean) {
        try {
            postgres = PgStatements.configure(EmbeddedPostgres.builder())
                    .setOverrideWorkingDirectory(workDir)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut, as in a database restart). */
    public void stop() {
        try {
            postgres.close();
            postgres = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it again on the same files and port. */
    public void restart() {
        start(false);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public DataSource dataSource(String database) {
        return new DriverManagerDataSource(jdbcUrl(database), "postgres", "postgres");
    }

    public JdbcClient jdbc(String database) {
        return JdbcClient.create(dataSource(database));
    }

    public void createDatabase(String name) {
        jdbc("postgres").sql("create database " + name).update();
    }

    public Path dataDirectory() {
        return dataDir.toPath();
    }

    @Override
    public void close() {
        if (postgres != null) {
            stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
