package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.directivetracker.common.ReadsOfThisTransaction;

@Repository
public class HolidayRepository {

    /**
     * This repository's kind of {@link ReadsOfThisTransaction}: a fan-out chunk computed each child's
     * reminder dates over the same ranges (ADR 28); every write forgets them first.
     */
    private static final String READS = "holiday";

    private final JdbcClient jdbc;

    public HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The special days between two dates (inclusive), read once per transaction for the same range. */
    public Map<LocalDate, DayType> typesAround(LocalDate from, LocalDate to) {
        return ReadsOfThisTransaction.get(READS, from + "/" + to, () -> {
            Map<LocalDate, DayType> types = new HashMap<>();
            jdbc.sql("select holiday_date, day_type from holiday where holiday_date between ? and ?")
                    .params(from, to)
                    .query(rs -> {
                        types.put(rs.getObject(1, LocalDate.class), DayType.valueOf(rs.getString(2)));
                    });
            return Map.copyOf(types);
        });
    }

    public List<Holiday> ofYear(int year) {
        return jdbc.sql("select holiday_date, day_type, name, provisional from holiday where holiday_date between ? and ? order by holiday_date")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, row) -> new Holiday(rs.getObject(1, LocalDate.class), DayType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getBoolean(4)))
                .list();
    }

    /** Inserts the day unless it is already recorded (an administrator's edit wins over shipped data). */
    public boolean insertIfAbsent(Holiday holiday) {
        int exists = jdbc.sql("select count(*) from holiday where holiday_date = ?").param(holiday.date()).query(Integer.class).single();
        if (exists > 0) {
            return false;
        }
        insert(holiday);
        return true;
    }

    public void save(Holiday holiday) {
        delete(holiday.date());
        insert(holiday);
    }

    public boolean delete(LocalDate date) {
        ReadsOfThisTransaction.forget(READS);
        return jdbc.sql("delete from holiday where holiday_date = ?").param(date).update() > 0;
    }

    private void insert(Holiday holiday) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("insert into holiday (holiday_date, day_type, name, provisional) values (?, ?, ?, ?)")
                .params(holiday.date(), holiday.type().name(), holiday.name(), holiday.provisional())
                .update();
    }
}
