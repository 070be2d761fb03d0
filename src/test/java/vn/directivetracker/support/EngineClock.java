package vn.directivetracker.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.directivetracker.common.Clocks;

/** The engine's clock (which {@link Clocks} reads too), stopped and moved by a test; reset afterwards. */
public final class EngineClock {

    private EngineClock() {
    }

    public static void freezeAt(Clocks clocks, LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(clocks.zone()).toInstant()));
    }

    public static void move(Clocks clocks, Duration by) {
        freezeAt(clocks, clocks.now().plus(by));
    }

    public static void reset() {
        ClockUtil.reset();
    }
}
