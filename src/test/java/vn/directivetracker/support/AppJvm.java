package vn.directivetracker.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/directive-tracker-*.jar}) in a JVM of its own, as in
 * production: default profile (demo users, no seed) on the given PostgreSQL, optionally with SMTP.
 * {@link #kill()} is SIGKILL ({@code destroyForcibly}), {@link #stop()} a graceful SIGTERM.
 * Output goes to {@code target/app-jvm/<name>.log}.
 */
public final class AppJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private AppJvm(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static File jar() {
        File[] jars = new File("target").listFiles((dir, file) -> file.matches("directive-tracker-.*\\.jar") && !file.endsWith("-plain.jar"));
        if (jars == null || jars.length != 1) {
            throw new IllegalStateException("Package the application first (./mvnw verify runs these tests after package): "
                    + Arrays.toString(jars));
        }
        return jars[0];
    }

    /** Starts the jar; {@code properties} are passed as {@code --key=value} and override application.yaml. */
    public static AppJvm start(String name, String jdbcUrl, Map<String, String> properties) {
        int port = PostgresServer.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Ho_Chi_Minh",
                "-jar", jar().getAbsolutePath(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--directive-tracker.demo.load-seed-directive=false",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=warn"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path dir = Files.createDirectories(Path.of("target", "app-jvm", name));
            Path log = Path.of("target", "app-jvm", name + ".log");
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new AppJvm(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /actuator/health/readiness} answers UP. */
    public AppJvm awaitReady(Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (healthStatus("/readiness") == 200) {
                return this;
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + patience + "; see " + log);
    }

    /** HTTP status of {@code /actuator/health<group>}, or -1 when the node does not answer. */
    public int healthStatus(String group) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri("/actuator/health" + group)).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public HttpResponse<String> get(String user, String path) {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> post(String user, String path, String json) {
        return send(user, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) {
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes());
        try {
            return HTTP.send(request.header("Authorization", "Basic " + basic).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no engine shutdown, transactions cut where they are. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: Spring closes the engine and the pool. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
