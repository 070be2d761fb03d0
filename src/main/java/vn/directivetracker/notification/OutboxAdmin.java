package vn.directivetracker.notification;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.identity.Roles;

/** What coordinators do with the outbox: look, and send again. */
@Service
class OutboxAdmin {

    private static final Logger log = LoggerFactory.getLogger(OutboxAdmin.class);

    private final NotificationRepository notifications;
    private final CurrentActor actor;
    private final Clocks clocks;

    OutboxAdmin(NotificationRepository notifications, CurrentActor actor, Clocks clocks) {
        this.notifications = notifications;
        this.actor = actor;
        this.clocks = clocks;
    }

    List<Notification> latest(NotificationStatus status, int limit) {
        return notifications.latest(status, limit);
    }

    Notification resend(long id) {
        requireCoordinator();
        Notification row = notifications.find(id).orElseThrow(() -> new NotFoundException("Không có thư " + id));
        if (row.status() == NotificationStatus.NO_ADDRESS) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Thư không có địa chỉ người nhận nên không gửi được; hãy bổ sung địa chỉ email trong danh mục đơn vị");
        }
        if (!notifications.makeDue(id, clocks.now())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Thư đang được gửi, vui lòng thử lại sau ít phút");
        }
        log.info("Email {} ({}) to be sent again at the request of {}", id, row.eventType(), actor.userId());
        return notifications.find(id).orElseThrow();
    }

    int resendFailed() {
        requireCoordinator();
        int count = notifications.makeFailedDue(clocks.now());
        log.info("{} failed email(s) to be sent again at the request of {}", count, actor.userId());
        return count;
    }

    private void requireCoordinator() {
        actor.requireMemberOf(Roles.COORDINATOR, "Chỉ chuyên viên theo dõi (nhóm coordinator) được gửi lại thư");
    }
}
