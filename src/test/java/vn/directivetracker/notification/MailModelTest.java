package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.directivetracker.directive.ResponsibleRole;

/** The stored model keeps what templates read: components, dates as dates, lists, text exactly. */
class MailModelTest {

    public record Line(String number, LocalDate deadline, boolean overdue, ResponsibleRole role, List<String> codes) {

        public String deadlineLabel() {
            return deadline.getDayOfMonth() + "/" + deadline.getMonthValue();
        }
    }

    @Test
    void recordsBecomeMapsDatesStayDatesAndTextIsKeptExactly() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("subject", "Văn bản số 15/UBND-KGVX – \"đặc biệt\" <b>&amp;</b>\n dòng 2");
        model.put("lines", List.of(new Line("15/UBND", LocalDate.of(2026, 12, 31), true, ResponsibleRole.LEAD, List.of("SNGV"))));
        model.put("at", LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        model.put("count", 3);
        model.put("none", null);

        Map<String, Object> back = MailModel.decode(MailModel.encode(model));

        assertThat(back.get("subject")).isEqualTo(model.get("subject"));
        assertThat(back.get("at")).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(back.get("count")).isEqualTo(3);
        assertThat(back).containsEntry("none", null);
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) back.get("lines")).get(0);
        assertThat(line).containsExactly(Map.entry("number", "15/UBND"), Map.entry("deadline", LocalDate.of(2026, 12, 31)),
                Map.entry("overdue", true), Map.entry("role", "LEAD"), Map.entry("codes", List.of("SNGV")),
                Map.entry("deadlineLabel", "31/12"));
    }

    @Test
    void aValueThatCannotBeStoredFaithfullyIsRefusedWhenWritten() {
        assertThatThrownBy(() -> MailModel.encode(Map.of("when", new java.util.Date())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.util.Date");
    }
}
