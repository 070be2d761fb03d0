package vn.directivetracker.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the shipped holiday files ({@code data/holidays/<year>.csv}: {@code date;type;name}) into the
 * {@code holiday} table. Days already in the table are left alone, so an administrator's corrections
 * survive restarts.
 */
@Component
@Order(10)
class HolidayImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HolidayImport.class);

    private final HolidayRepository holidays;

    HolidayImport(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:data/holidays/*.csv");
        int added = 0;
        for (Resource file : files) {
            added += load(file);
        }
        log.info("Holiday calendar: {} files, {} new days", files.length, added);
    }

    private int load(Resource file) throws IOException {
        int added = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("date;")) {
                    continue;
                }
                String[] f = line.split(";", 3);
                try {
                    if (holidays.insertIfAbsent(LocalDate.parse(f[0].strip()), DayType.valueOf(f[1].strip()), f[2].strip())) {
                        added++;
                    }
                } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                    throw new IllegalStateException(file.getFilename() + ":" + number + ": dòng không hợp lệ: " + line, e);
                }
            }
        }
        return added;
    }
}
