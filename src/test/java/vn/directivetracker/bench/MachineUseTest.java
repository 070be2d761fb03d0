package vn.directivetracker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's per-figure share of the machine (bench/METHOD.md, ADR 40). */
class MachineUseTest {

    @Test
    void aWindowSharesTheCoresTimeBetweenBusyIdleAndStealAndCountsCpuSeconds() {
        // 10 s on 2 cores = 2,000 ticks: 1,500 busy, 300 idle, 200 stolen by the hypervisor.
        MachineUse before = new MachineUse(0, 10_000, 50_000, 1_000, 5_000_000_000L, 700);
        MachineUse after = new MachineUse(10_000_000_000L, 11_500, 50_300, 1_200, 14_000_000_000L, 1_300);

        MachineUse.Window window = after.since(before);

        assertThat(window.seconds()).isEqualTo(10.0);
        assertThat(window.busyPercent()).isEqualTo(75.0);
        assertThat(window.stealPercent()).isEqualTo(10.0);
        assertThat(window.jvmCpuSeconds()).isEqualTo(9.0);
        assertThat(window.postgresCpuSeconds()).isEqualTo(6.0);
        assertThat(window.perRequest(600)).isEqualTo("CPU per request: JVM 15.0 ms, PostgreSQL 10.0 ms (n=600); machine busy 75 %, steal 10 %");
    }

    @Test
    void twoWindowsAddTheirTimesAndWeighTheirSharesByLength() {
        // d's sides are timed in alternating rounds; a side's CPU per request is over all its rounds.
        MachineUse.Window first = new MachineUse.Window(3.0, 100, 0, 3.0, 1.5);
        MachineUse.Window second = new MachineUse.Window(1.0, 60, 8, 1.0, 0.5);

        MachineUse.Window both = first.plus(second);

        assertThat(both.seconds()).isEqualTo(4.0);
        assertThat(both.busyPercent()).isEqualTo(90.0);
        assertThat(both.stealPercent()).isEqualTo(2.0);
        assertThat(both.jvmCpuSeconds()).isEqualTo(4.0);
        assertThat(both.postgresCpuSeconds()).isEqualTo(2.0);
        assertThat(new MachineUse.Window(0, 0, 0, 0, 0).plus(new MachineUse.Window(0, 0, 0, 0, 0)).busyPercent()).isZero();
    }

    @Test
    void withoutLinuxCountersTheWindowSaysZeroRatherThanDividingByZero() {
        MachineUse.Window window = new MachineUse(0, 0, 0, 0, 0, 0).since(new MachineUse(0, 0, 0, 0, 0, 0));
        assertThat(window.busyPercent()).isZero();
        assertThat(window.stealPercent()).isZero();
    }

    @Test
    void benchmarksMdListsEveryFigureInTheOrderItRan() {
        Map<String, MachineUse.Window> windows = new LinkedHashMap<>();
        windows.put("b", new MachineUse.Window(210.8, 98.4, 0.2, 212.3, 186.0));
        windows.put("a", new MachineUse.Window(81.1, 47, 4.6, 60.3, 15.0));

        assertThat(BenchmarksReport.machineUse(windows).lines()).containsExactly(
                "| figure | wall | machine busy | steal | CPU of the JVM | CPU of PostgreSQL |",
                "| --- | --- | --- | --- | --- | --- |",
                "| b | 211 s | 98 % | 0 % | 212 s | 186 s |",
                "| a | 81 s | 47 % | 5 % | 60 s | 15 s |");
    }
}
