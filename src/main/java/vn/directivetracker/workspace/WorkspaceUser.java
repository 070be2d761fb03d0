package vn.directivetracker.workspace;

import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyScope;
import vn.directivetracker.agency.CurrentScope;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.identity.Roles;

/**
 * The signed-in person as the engine sees them for this request (the security filter sets it), so
 * the pages apply exactly the role and agency rules of {@code /api}.
 */
@Component
class WorkspaceUser {

    private final CurrentActor actor;
    private final CurrentScope scope;

    WorkspaceUser(CurrentActor actor, CurrentScope scope) {
        this.actor = actor;
        this.scope = scope;
    }

    String id() {
        return actor.userId();
    }

    boolean coordinator() {
        return actor.isMemberOf(Roles.COORDINATOR);
    }

    boolean administrator() {
        return actor.isMemberOf(Roles.CAMUNDA_ADMIN);
    }

    AgencyScope scope() {
        return scope.get();
    }

    void requireCoordinator() {
        if (!coordinator()) {
            throw new ForbiddenException("Chỉ chuyên viên theo dõi được thực hiện thao tác này");
        }
    }

    void requireAdministrator() {
        if (!administrator()) {
            throw new ForbiddenException("Chỉ quản trị hệ thống được sửa lịch ngày nghỉ");
        }
    }
}
