package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class HolidayRepository {

    private final JdbcClient jdbc;

    public HolidayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<LocalDate, DayType> typesAround(LocalDate from, LocalDate to) {
        Map<LocalDate, DayType> types = new HashMap<>();
        jdbc.sql("select holiday_date, day_type from holiday where holiday_date between ? and ?")
                .params(from, to)
                .query(rs -> {
                    types.put(rs.getObject(1, LocalDate.class), DayType.valueOf(rs.getString(2)));
                });
        return types;
    }

    /** Inserts the day unless an administrator already recorded it (their edit wins). */
    public boolean insertIfAbsent(LocalDate date, DayType type, String name) {
        int exists = jdbc.sql("select count(*) from holiday where holiday_date = ?").param(date).query(Integer.class).single();
        if (exists > 0) {
            return false;
        }
        jdbc.sql("insert into holiday (holiday_date, day_type, name) values (?, ?, ?)")
                .params(date, type.name(), name)
                .update();
        return true;
    }
}
