package vn.directivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRepository;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentPhase;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.calendar.DayType;
import vn.directivetracker.calendar.Holiday;
import vn.directivetracker.calendar.HolidayRepository;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * Every repository that keeps reads for its transaction (ADR 28) forgets them when it writes: a read
 * after a write in the same transaction sees the write, whatever was read before it.
 */
class ReadsAfterWritesTest extends IntegrationTest {

    @Autowired PlatformTransactionManager transactions;
    @Autowired AgencyRepository agencies;
    @Autowired DirectiveRepository directives;
    @Autowired HolidayRepository holidays;
    @Autowired AssignmentRepository assignments;

    @Test
    void agencyWrittenInTheTransactionIsReadBack() {
        inOneTransaction(() -> {
            Agency before = agencies.find("SNGV").orElseThrow();
            assertThat(agencies.isSet("ZZNEW")).isFalse();
            agencies.upsert(new Agency(before.code(), before.kind(), "Sở Ngoại vụ (đổi tên)", before.shortName(),
                    before.email(), before.headEmail(), before.active()));
            agencies.replaceSet("ZZNEW", "Nhóm mới", List.of("SNGV"));
            assertThat(agencies.find("SNGV").orElseThrow().name()).isEqualTo("Sở Ngoại vụ (đổi tên)");
            assertThat(agencies.isSet("ZZNEW")).isTrue();
            throw new RollBack();
        });
        assertThat(agencies.find("SNGV").orElseThrow().name()).as("rolled back").isNotEqualTo("Sở Ngoại vụ (đổi tên)");
    }

    @Test
    void directiveWrittenInTheTransactionIsReadBack() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Đọc lại sau khi ghi", List.of("SNGV"), List.of()));
        inOneTransaction(() -> {
            assertThat(directives.find(id).orElseThrow().status()).isEqualTo(DirectiveStatus.ISSUED);
            directives.markRevoked(id, "Thử đọc lại", clocks.now());
            assertThat(directives.find(id).orElseThrow().status()).isEqualTo(DirectiveStatus.REVOKED);
            throw new RollBack();
        });
    }

    @Test
    void holidayWrittenInTheTransactionIsReadBack() {
        LocalDate day = LocalDate.of(2031, 3, 12);
        inOneTransaction(() -> {
            assertThat(holidays.typesAround(day, day)).isEmpty();
            holidays.save(new Holiday(day, DayType.OFF, "Ngày nghỉ thử", false));
            assertThat(holidays.typesAround(day, day)).containsEntry(day, DayType.OFF);
            holidays.delete(day);
            assertThat(holidays.typesAround(day, day)).isEmpty();
            throw new RollBack();
        });
    }

    @Autowired Clocks clocks;

    /**
     * ADR 30: a fan-out chunk reads its children's assignments ahead; binding one child forgets and
     * rewrites only that row, so the others stay as read (a change behind the repository's back is not
     * seen, as for any kept read), and any other write forgets them all again.
     */
    @Test
    void assignmentsReadAheadStayAcrossABindingThatShowsItself() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Đọc trước cả nhóm", List.of("SNGV", "STC"), List.of()));
        List<Assignment> rows = assignments.ofDirective(id);
        Assignment a = rows.get(0), b = rows.get(1);
        inOneTransaction(() -> {
            assertThat(assignments.readAhead(List.of(a.id(), b.id()))).hasSize(2);
            jdbc.sql("update assignment set phase = 'AWAITING_REVIEW' where id = ?").param(b.id()).update();
            jdbc.sql("update assignment set process_instance_id = null where id = ?").param(a.id()).update();

            assignments.setProcessInstance(a.id(), "pi-read-ahead");
            assertThat(assignments.get(a.id()).processInstanceId()).isEqualTo("pi-read-ahead");
            assertThat(assignments.idOfProcessInstance("pi-read-ahead")).contains(a.id());
            assertThat(assignments.get(b.id()).phase()).as("kept from the read ahead").isEqualTo(b.phase());

            assignments.markAcknowledged(a.id(), clocks.now());
            assertThat(assignments.get(b.id()).phase()).as("read again after a write").isEqualTo(AssignmentPhase.AWAITING_REVIEW);
            assertThat(assignments.get(a.id()).phase()).isEqualTo(AssignmentPhase.IN_PROGRESS);
            throw new RollBack();
        });
        assertThat(assignments.get(a.id()).processInstanceId()).as("rolled back").isEqualTo(a.processInstanceId());
    }

    private void inOneTransaction(Runnable work) {
        try {
            new TransactionTemplate(transactions).executeWithoutResult(s -> work.run());
        } catch (RollBack expected) {
            // Leaves the shared database as it was.
        }
    }

    private static final class RollBack extends RuntimeException {}
}
