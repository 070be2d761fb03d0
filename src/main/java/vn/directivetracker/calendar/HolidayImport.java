package vn.directivetracker.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.common.StartupStep;

/**
 * Loads the shipped holiday files ({@code data/holidays/<year>.csv}) into the {@code holiday} table.
 * Days already in the table are left alone, so an administrator's corrections survive restarts.
 */
@Component
class HolidayImport implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(HolidayImport.class);

    private final HolidayRepository holidays;

    HolidayImport(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    @Override
    public String name() {
        return "holidays";
    }

    @Override
    @Transactional
    public void run() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:data/holidays/*.csv");
        int added = 0;
        for (Resource file : files) {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            for (Holiday holiday : HolidayCsv.parse(text, file.getFilename())) {
                if (holidays.insertIfAbsent(holiday)) {
                    added++;
                }
            }
        }
        log.info("Holiday calendar: {} files, {} new days", files.length, added);
    }
}
