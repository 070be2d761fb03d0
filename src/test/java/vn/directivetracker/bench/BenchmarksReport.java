package vn.directivetracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** BENCHMARKS.md at the repository root: machine, method, figures, date, command. */
final class BenchmarksReport {

    private BenchmarksReport() {}

    static String machine(JdbcClient jdbc) {
        String cpu = firstLine("/proc/cpuinfo", "model name").replaceFirst(".*:\\s*", "");
        String memory = firstLine("/proc/meminfo", "MemTotal").replaceAll("[^0-9]", "");
        long gib = memory.isEmpty() ? -1 : Math.round(Long.parseLong(memory) / 1024.0 / 1024.0);
        String postgres = jdbc.sql("select version()").query(String.class).single();
        return "- CPU: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), RAM " + gib + " GiB\n"
                + "- Java: " + javaVersion() + "; benchmark JVM (our app and the bare baseline) -Xmx1g\n"
                + "- Database: " + postgres + " (zonky embedded, default settings, data under target/bench-postgres)\n";
    }

    /** The 1, 5 and 15 minute load averages: above the core count, something competed for the CPU. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void write(BenchSizes sizes, String machine, Figures figures, List<Database.RowsPer> ours,
            List<Database.RowsPer> bare, Map<String, MachineUse.Window> machineUse, double minutes, String command) {
        StringBuilder md = new StringBuilder("# Benchmarks\n\n")
                .append("Measured ").append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(" with `").append(command).append("` (sizes ").append(sizes).append("); the run took ")
                .append(String.format("%.1f", minutes)).append(" minutes.\n")
                .append("The application, PostgreSQL, GreenMail and the benchmark's own clients share this one machine; ")
                .append("anything else that ran beside them makes the figures noisy (load average when this report was written: ")
                .append(loadAverage()).append("). Compare ratios measured in the same run.\n\n")
                .append("## Machine\n\n").append(machine).append('\n')
                .append("## Figures\n\n").append(figures.markdown()).append('\n')
                .append("Ratio: this project divided by bare Camunda (for times lower is better, for rates higher is better).\n\n")
                .append("## The machine during each figure\n\n")
                .append("From Linux's counters (`/proc`), over each figure's whole scenario (its set-up and both sides included). ")
                .append("*Steal* is the time the hypervisor gave this machine's cores to other guests: where it is high, the host, ")
                .append("not the code, slowed the figure.\n\n")
                .append(machineUse(machineUse)).append('\n')
                .append("## Rows written per assignment (figure b)\n\n")
                .append("Row-count deltas of Camunda's runtime and history tables, `act_ge_bytearray` and our tables, from just ")
                .append("before the clerks' clicks until the engine is quiet again, divided by the assignments (bare: by the children).\n\n")
                .append(rows(ours, bare)).append('\n')
                .append(Files.exists(Path.of("bench/METHOD.md")) ? read("bench/METHOD.md") : "");
        try {
            Files.writeString(Path.of("BENCHMARKS.md"), md.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String machineUse(Map<String, MachineUse.Window> windows) {
        StringBuilder out = new StringBuilder("| figure | wall | machine busy | steal | CPU of the JVM | CPU of PostgreSQL |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        windows.forEach((figure, w) -> out.append(String.format(Locale.ROOT, "| %s | %.0f s | %.0f %% | %.0f %% | %.0f s | %.0f s |%n",
                figure, w.seconds(), w.busyPercent(), w.stealPercent(), w.jvmCpuSeconds(), w.postgresCpuSeconds())));
        return out.toString();
    }

    static String rows(List<Database.RowsPer> ours, List<Database.RowsPer> bare) {
        StringBuilder out = new StringBuilder("| table | this project, per assignment | bare Camunda, per child |\n| --- | --- | --- |\n");
        java.util.LinkedHashSet<String> tables = new java.util.LinkedHashSet<>();
        ours.forEach(r -> tables.add(r.table()));
        bare.forEach(r -> tables.add(r.table()));
        tables.remove("total");
        tables.add("total");
        for (String table : tables) {
            out.append("| ").append(table).append(" | ").append(value(ours, table)).append(" | ").append(value(bare, table)).append(" |\n");
        }
        return out.toString();
    }

    private static String value(List<Database.RowsPer> rows, String table) {
        return rows.stream().filter(r -> r.table().equals(table)).findFirst()
                .map(r -> String.format("%.2f", r.perUnit())).orElse("—");
    }

    private static String javaVersion() {
        try {
            Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                    .redirectErrorStream(true).start();
            String text = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            java.waitFor();
            return text.replace('\n', ';').replaceAll(";\\s*", "; ");
        } catch (IOException | InterruptedException e) {
            return System.getProperty("java.vm.name") + " " + System.getProperty("java.version");
        }
    }

    private static String firstLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
