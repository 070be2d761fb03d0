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
 * Figure f: the packaged jar as a newcomer starts it — embedded default (H2 in a fresh directory,
 * demo users, the seed letter issued at start-up; the "[DEMO]" directive off, as in
 * bench/issue-seed-benchmark.sh), the pom's {@code app.jvm.options}. Start-up: from starting the
 * process until {@code /camunda/app/tasklist/} answers (2xx/3xx). RSS: VmRSS of that JVM once the
 * seed letter's fan-out is done (every assignment has its task, no job is due).
 */
final class StartupScenario {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    void run(Figures figures) {
        String options = System.getProperty("app.jvm.options", "");
        Path dir;
        try {
            dir = Files.createTempDirectory("bench-startup");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList());
        command.addAll(List.of("-jar", AppJvm.jar().getAbsolutePath(), "--server.port=" + port,
                "--directive-tracker.demo.load-demo-scenario=false"));
        Process process = null;
        try {
            long start = System.nanoTime();
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("app.log").toFile()).start();
            Process app = process;
            double startup = Poll.secondsUntil(start, Duration.ofMinutes(3), "Tasklist answers", () -> {
                if (!app.isAlive()) {
                    throw new IllegalStateException("The jar exited; see " + dir.resolve("app.log"));
                }
                int status = status(port, "/camunda/app/tasklist/", null);
                return status >= 200 && status < 400;
            });
            double fanOut = Poll.secondsUntil(start, Duration.ofMinutes(10), "seed letter fanned out", () -> seedDone(port));
            long rssKb = rssKb(process.pid());
            System.out.printf("[bench] f. Tasklist after %.1f s, seed fan-out done after %.1f s, RSS %d MB (options: %s)%n",
                    startup, fanOut, rssKb / 1024, options);
            figures.alone("f. start-up to Tasklist on H2 (packaged jar, app.jvm.options)", String.format("%.1f s", startup), "≤ 10 s");
            figures.alone("f. RSS after the seed letter's fan-out", String.format("%d MB", rssKb / 1024), "≤ 600 MB");
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
            try {
                FileSystemUtils.deleteRecursively(dir);
            } catch (IOException ignored) {
                // a temp directory left behind harms nothing
            }
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
