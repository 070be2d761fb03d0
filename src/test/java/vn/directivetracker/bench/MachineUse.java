package vn.directivetracker.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the machine's CPU went while a figure ran, from Linux's counters: this JVM (application, bare
 * baseline and the benchmark's clients), PostgreSQL's backends of the benchmark's database, and the whole
 * machine — including its <em>steal</em> time, the time the hypervisor gave this machine's cores to
 * other guests. The same code measured up to twice as fast or slow within an hour (ADR 39); a high steal
 * beside a figure says the host moved it. A low one proves less: on 2026-12-03 steal stayed at 0–5 %
 * while bare Camunda's figures still varied by half, the host slowing the cores in ways Linux does not
 * count (ADR 40). Without /proc (not Linux) the machine's counters read 0.
 */
public record MachineUse(long nanos, long busyTicks, long idleTicks, long stealTicks, long jvmCpuNanos, long postgresTicks) {

    /** Linux's USER_HZ; 100 on every distribution this runs on. */
    private static final double TICKS_PER_SECOND = 100;

    public static MachineUse now(JdbcClient jdbc) {
        long busy = 0;
        long idle = 0;
        long steal = 0;
        try {
            // cpu user nice system idle iowait irq softirq steal guest guest_nice
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6]) + Long.parseLong(f[7]);
            idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            steal = Long.parseLong(f[8]);
        } catch (IOException | RuntimeException notLinux) {
            // every machine counter stays 0
        }
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new MachineUse(System.nanoTime(), busy, idle, steal, jvm, postgresTicks(jdbc));
    }

    /** CPU of the backends connected to this database now (a backend that ended in between is not counted). */
    private static long postgresTicks(JdbcClient jdbc) {
        long ticks = 0;
        List<Integer> pids = jdbc.sql("select pid from pg_stat_activity where datname = current_database()").query(Integer.class).list();
        for (Integer pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (IOException | RuntimeException goneOrRemote) {
                // a backend that closed, or a server on another machine
            }
        }
        return ticks;
    }

    /** What happened between {@code before} and this sample. */
    public Window since(MachineUse before) {
        long busy = busyTicks - before.busyTicks;
        long steal = stealTicks - before.stealTicks;
        long all = busy + (idleTicks - before.idleTicks) + steal;
        return new Window((nanos - before.nanos) / 1e9, all == 0 ? 0 : 100.0 * busy / all, all == 0 ? 0 : 100.0 * steal / all,
                (jvmCpuNanos - before.jvmCpuNanos) / 1e9, (postgresTicks - before.postgresTicks) / TICKS_PER_SECOND);
    }

    /** One figure's share of the machine: percentages of all cores' time, CPU seconds of the JVM and of PostgreSQL. */
    public record Window(double seconds, double busyPercent, double stealPercent, double jvmCpuSeconds, double postgresCpuSeconds) {

        /** "machine busy 93 %, steal 4 %; CPU: JVM 61.2 s, PostgreSQL 40.1 s over 55.0 s". */
        String summary() {
            return String.format(Locale.ROOT, "machine busy %.0f %%, steal %.0f %%; CPU: JVM %.1f s, PostgreSQL %.1f s over %.1f s",
                    busyPercent, stealPercent, jvmCpuSeconds, postgresCpuSeconds, seconds);
        }

        /** Two windows as one: times added, the shares weighted by each window's length. */
        Window plus(Window other) {
            double all = seconds + other.seconds;
            return new Window(all, all == 0 ? 0 : (busyPercent * seconds + other.busyPercent * other.seconds) / all,
                    all == 0 ? 0 : (stealPercent * seconds + other.stealPercent * other.seconds) / all,
                    jvmCpuSeconds + other.jvmCpuSeconds, postgresCpuSeconds + other.postgresCpuSeconds);
        }

        /** CPU milliseconds per request of the JVM and of PostgreSQL, for a window of {@code requests} requests. */
        String perRequest(int requests) {
            return String.format(Locale.ROOT, "CPU per request: JVM %.1f ms, PostgreSQL %.1f ms (n=%d); machine busy %.0f %%, steal %.0f %%",
                    1000 * jvmCpuSeconds / requests, 1000 * postgresCpuSeconds / requests, requests, busyPercent, stealPercent);
        }
    }
}
