package vn.directivetracker.delegation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.identity.EngineAsSystem;

/** Builds {@link DelegationView}s: names from Camunda's users (read as the system: a deputy may not read the absent user's profile). */
@Component
class DelegationViews {

    private final DelegationService delegations;
    private final IdentityService identityService;
    private final EngineAsSystem asSystem;
    private final Clocks clocks;

    DelegationViews(DelegationService delegations, IdentityService identityService, EngineAsSystem asSystem, Clocks clocks) {
        this.delegations = delegations;
        this.identityService = identityService;
        this.asSystem = asSystem;
        this.clocks = clocks;
    }

    DelegationView of(Delegation d) {
        return view(d, delegations.actions(d.id()));
    }

    DelegationView summary(Delegation d) {
        return view(d, null);
    }

    private DelegationView view(Delegation d, List<DelegationAction> actions) {
        Map<String, DelegationView.Person> people = new HashMap<>();
        String[] status = status(d, clocks.today());
        return new DelegationView(d.id(), person(people, d.delegatorId()), person(people, d.deputyId()), d.startsOn(),
                d.endsOn(), d.reason(), status[0], status[1], d.createdBy(), d.createdAt(), d.cancelledAt(),
                actions == null ? null : actions.stream().map(a -> action(a, people)).toList());
    }

    private DelegationView.Action action(DelegationAction a, Map<String, DelegationView.Person> people) {
        DelegationView.Person by = person(people, a.actedBy());
        DelegationView.Person forWhom = person(people, a.actedFor());
        String verb = DelegationAction.CLAIM.equals(a.action()) ? "nhận xử lý" : "hoàn thành";
        return new DelegationView.Action(a.action(), a.taskId(), a.taskName(), a.processInstanceId(), by, forWhom,
                a.occurredAt(), by.name() + " " + verb + " «" + a.taskName() + "» thay " + forWhom.name());
    }

    private static String[] status(Delegation d, LocalDate today) {
        if (d.cancelledAt() != null) {
            return new String[] {"CANCELLED", "Đã hủy"};
        }
        if (today.isBefore(d.startsOn())) {
            return new String[] {"SCHEDULED", "Chưa đến ngày"};
        }
        return today.isAfter(d.endsOn()) ? new String[] {"ENDED", "Đã kết thúc"} : new String[] {"ACTIVE", "Đang hiệu lực"};
    }

    private DelegationView.Person person(Map<String, DelegationView.Person> known, String userId) {
        return known.computeIfAbsent(userId, id -> {
            User user = asSystem.call(() -> identityService.createUserQuery().userId(id).singleResult());
            return new DelegationView.Person(id, user == null ? id : user.getFirstName() + " " + user.getLastName());
        });
    }
}
