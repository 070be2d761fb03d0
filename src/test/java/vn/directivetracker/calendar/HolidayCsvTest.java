package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.directivetracker.common.InvalidRequestException;

class HolidayCsvTest {

    @Test
    void aQuotedNameIsReadWhole() {
        assertThat(HolidayCsv.parse("date;type;name\n2030-01-01;OFF;\"Tết Dương lịch; nghỉ bù\"\n", "2030.csv"))
                .containsExactly(new Holiday(LocalDate.of(2030, 1, 1), DayType.OFF, "Tết Dương lịch; nghỉ bù"));
    }

    @Test
    void everyBadLineIsNamedWithItsFileAndNumber() {
        assertThatThrownBy(() -> HolidayCsv.parse("# 2030\n2030-01-01;OFF;Tết\n2030-13-01;OFF;Sai\n2030-01-01;OFF;Trùng\n",
                "2030.csv"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("2030.csv:3", "2030.csv:4"));
    }
}
