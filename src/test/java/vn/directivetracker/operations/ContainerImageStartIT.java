package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.directivetracker.support.AppJvm;

/**
 * ADR 29: the Dockerfile's start-up steps work, run as written. There is no Docker engine in the build, so
 * the commands are read from the Dockerfile itself and run against the packaged jar in a directory that
 * stands for the image's {@code /app}: the build stage's extraction, the runtime stage's class data
 * sharing training run, then the entry point — which must load its classes from the archive (the JVM's
 * class-load log names the archive as their source) and serve Tasklist. A change to the Dockerfile that
 * breaks the training run or leaves the archive unused fails here, not in a user's image build.
 */
class ContainerImageStartIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    @Test
    void theImagesExtractionTrainingRunAndEntryPointStartTheApplicationFromItsArchive() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        List<String> extract = command(dockerfile, "java -Djarmode=tools");
        List<String> training = command(dockerfile, "java -XX:ArchiveClassesAtExit");
        List<String> entryPoint = entryPoint(dockerfile);
        assertThat(entryPoint).anyMatch(argument -> argument.startsWith("-XX:SharedArchiveFile="));

        // Build stage: the packaged jar, under the name the Dockerfile copies it to, extracted.
        Path buildDir = Files.createDirectories(work.resolve("workspace"));
        Files.copy(AppJvm.jar().toPath(), buildDir.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
        run(inDirectories(extract), buildDir, "extract");
        Path app = buildDir.resolve("extracted");
        assertThat(app.resolve("app.jar")).isRegularFile();
        assertThat(app.resolve("lib")).isDirectory();

        // Runtime stage: the training run, as written, with /app being the extracted directory.
        run(inDirectories(training), app, "training run");
        Path archive = app.resolve("app.jsa");
        assertThat(archive).isRegularFile();
        assertThat(Files.size(archive)).isGreaterThan(10_000_000L);

        // The entry point, on the embedded default (the image's prod profile needs PostgreSQL and SMTP).
        int port = freePort();
        Path classLoads = work.resolve("class-load.log");
        List<String> start = new ArrayList<>(inDirectories(entryPoint));
        start.add(1, "-Xlog:class+load=info:file=" + classLoads);
        start.addAll(List.of("--spring.profiles.active=default", "--server.port=" + port,
                "--directive-tracker.demo.load-seed-directive=false", "--directive-tracker.demo.load-demo-scenario=false"));
        Path log = work.resolve("app.log");
        Process process = new ProcessBuilder(start).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            assertThat(awaitTasklist(process, port, Duration.ofMinutes(3))).as("Tasklist answers; log: %s", log).isTrue();
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        long fromArchive;
        try (var lines = Files.lines(classLoads)) {
            fromArchive = lines.filter(line -> line.contains("source: shared objects file (top)")).count();
        }
        assertThat(fromArchive).as("classes the entry point loaded from the training run's archive").isGreaterThan(5_000L);
    }

    /** The shell words of the Dockerfile command that starts with {@code prefix}, up to its end or {@code &&}. */
    private static List<String> command(String dockerfile, String prefix) {
        String joined = dockerfile.replace("\\\n", " ");
        int at = joined.indexOf(prefix);
        assertThat(at).as("the Dockerfile runs %s", prefix).isNotNegative();
        int end = joined.indexOf('\n', at);
        String line = joined.substring(at, end < 0 ? joined.length() : end);
        int and = line.indexOf("&&");
        return Arrays.stream((and < 0 ? line : line.substring(0, and)).trim().split("\\s+")).toList();
    }

    private static List<String> entryPoint(String dockerfile) {
        Matcher matcher = Pattern.compile("ENTRYPOINT \\[(.*)]").matcher(dockerfile);
        assertThat(matcher.find()).as("the Dockerfile has an exec-form ENTRYPOINT").isTrue();
        return Arrays.stream(matcher.group(1).split(",")).map(word -> word.trim().replaceAll("^\"|\"$", "")).toList();
    }

    /** The image's paths mapped onto this test's directories; {@code java} is this JVM's. */
    private List<String> inDirectories(List<String> command) {
        String workspace = work.resolve("workspace").toString();
        String app = work.resolve("workspace").resolve("extracted").toString();
        List<String> mapped = new ArrayList<>();
        for (String word : command) {
            mapped.add(word.replace("/workspace", workspace).replace("/app/", app + "/"));
        }
        assertThat(mapped.get(0)).isEqualTo("java");
        mapped.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return mapped;
    }

    private static void run(List<String> command, Path dir, String step) throws Exception {
        Path log = dir.resolve(step.replace(' ', '-') + ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s ends; log: %s", step, log).isTrue();
        assertThat(process.exitValue()).as("%s exit code; log: %s", step, log).isZero();
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean awaitTasklist(Process process, int port, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
                .timeout(Duration.ofSeconds(10)).build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                int status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status >= 200 && status < 400) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        return false;
    }
}
