package vn.directivetracker.bench;

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
import java.util.List;
import org.springframework.util.FileSystemUtils;
import vn.directivetracker.support.AppJvm;

/**
 * Figure f: the application as a newcomer starts it — embedded default (H2 in a fresh directory,
 * demo users, the seed letter issued at start-up; the "[DEMO]" directive off, as in
 * bench/issue-seed-benchmark.sh), the pom's {@code app.jvm.options}. Start-up: from starting the
 * process until {@code /camunda/app/tasklist/} answers (2xx/3xx). RSS: VmRSS of that JVM once the
 * seed letter's fan-out is done (every assignment has its task, no job is due).
 * <p>
 * Measured twice (ADR 29): as the container image runs it — the jar extracted by Spring Boot's
 * {@code -Djarmode=tools extract} and started with the class data sharing archive of a training run
 * (the image's build step, not timed) — and, for comparison, the packaged jar by {@code java -jar}.
 */
final class StartupScenario {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    void run(Figures figures) {
        String options = System.getProperty("app.jvm.options", "");
        Path work = temporaryDirectory("bench-startup-image");
        try {
            // The image's build steps (Dockerfile), not timed: extract, then one training run.
            Path extracted = work.resolve("app");
            Path archive = work.resolve("app.jsa");
            List<String> extract = new ArrayList<>(List.of(java(), "-Djarmode=tools", "-jar", AppJvm.jar().getAbsolutePath(),
                    "extract", "--destination", extracted.toString()));
            runToEnd(extract, work, "extract");
            Path jar = extracted.resolve(AppJvm.jar().getName());
            List<String> training = command(options, List.of("-XX:ArchiveClassesAtExit=" + archive,
                    "-Dspring.context.exit=onRefresh"), jar, TRAINING_ARGUMENTS);
            runToEnd(training, work, "training run");
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("The training run wrote no " + archive + "; see " + work.resolve("training run.log"));
            }
            Started image = start(command(options, List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                    jar, List.of()), options, "extracted jar + CDS archive");
            Started plain = start(command(options, List.of(), AppJvm.jar().getAbsoluteFile().toPath(), List.of()), options, "java -jar, packaged jar");
            figures.alone("f. start-up to Tasklist on H2 as the image runs it (extracted jar, CDS archive, app.jvm.options)",
                    String.format("%.1f s", image.startup()), "≤ 10 s");
            figures.alone("f. the same with java -jar of the packaged jar (no archive)", String.format("%.1f s", plain.startup()), "—");
            figures.alone("f. RSS after the seed letter's fan-out (as the image runs it)", String.format("%d MB", image.rssKb() / 1024),
                    "≤ 600 MB");
        } finally {
            delete(work);
        }
    }

    /** What the Dockerfile's training run passes: no database file, no demo data, any free port. */
    static final List<String> TRAINING_ARGUMENTS = List.of("--spring.profiles.active=default",
            "--spring.datasource.url=jdbc:h2:mem:cds-training",
            "--directive-tracker.demo.enabled=false", "--server.port=0", "--camunda.bpm.job-execution.enabled=false");

    private record Started(double startup, long rssKb) {}

    private Started start(List<String> command, String options, String label) {
        Path dir = temporaryDirectory("bench-startup");
        int port = freePort();
        List<String> withPort = new ArrayList<>(command);
        withPort.addAll(List.of("--server.port=" + port, "--directive-tracker.demo.load-demo-scenario=false"));
        Process process = null;
        try {
            long start = System.nanoTime();
            process = new ProcessBuilder(withPort).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("app.log").toFile()).start();
            Process app = process;
            double startup = Poll.secondsUntil(start, Duration.ofMinutes(3), "Tasklist answers", () -> {
                if (!app.isAlive()) {
                    throw new IllegalStateException("The jar exited (" + label + "); see " + keptLog(dir, label));
                }
                int status = status(port, "/camunda/app/tasklist/", null);
                return status >= 200 && status < 400;
            });
            double fanOut = Poll.secondsUntil(start, Duration.ofMinutes(10), "seed letter fanned out", () -> seedDone(port));
            long rssKb = rssKb(process.pid());
            System.out.printf("[bench] f. %s: Tasklist after %.1f s, seed fan-out done after %.1f s, RSS %d MB (options: %s)%n",
                    label, startup, fanOut, rssKb / 1024, options);
            return new Started(startup, rssKb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (process != null) {
                process.destroy();
                try {
                    process.waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            delete(dir);
        }
    }

    /** The log of a start that failed, copied out of its temporary directory before that is deleted. */
    private static Path keptLog(Path dir, String label) {
        Path kept = Path.of("target", "bench-startup-" + label.replaceAll("[^A-Za-z0-9]+", "-") + ".log");
        try {
            Files.copy(dir.resolve("app.log"), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            return dir.resolve("app.log");
        }
        return kept.toAbsolutePath();
    }

    private static List<String> command(String options, List<String> jvmArguments, Path jar, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList());
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        return command;
    }

    /** Runs a build step to its end; a failure names its log. */
    private static void runToEnd(List<String> command, Path dir, String step) {
        Path log = dir.resolve(step + ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(step + " took over 5 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(step + " exited with " + process.exitValue() + "; see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(step + " interrupted", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException ignored) {
            // a temp directory left behind harms nothing
        }
    }

    /** The seed letter's assignments all have a task and nothing is left to run (as the administrator sees it). */
    private boolean seedDone(int port) {
        String admin = "admin:demo";
        String tasks = body(port, "/engine-rest/task/count?processDefinitionKey=agency-assignment", admin);
        String jobs = body(port, "/engine-rest/job/count?executable=true", admin);
        String instances = body(port, "/engine-rest/process-instance/count?processDefinitionKey=agency-assignment", admin);
        long t = count(tasks);
        return t > 0 && count(jobs) == 0 && t >= count(instances);
    }

    private static long count(String json) {
        if (json == null) {
            return -1;
        }
        return Long.parseLong(json.replaceAll("[^0-9]", ""));
    }

    private int status(int port, String path, String credentials) {
        HttpResponse<String> response = send(port, path, credentials);
        return response == null ? -1 : response.statusCode();
    }

    private String body(int port, String path, String credentials) {
        HttpResponse<String> response = send(port, path, credentials);
        return response == null || response.statusCode() != 200 ? null : response.body();
    }

    private HttpResponse<String> send(int port, String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (credentials != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes()));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static long rssKb(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
