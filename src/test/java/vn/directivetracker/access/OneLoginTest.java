package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * One login (issue 10 point 2, ADR 6): a person signs in once at {@code /login} and has the workspace and
 * Camunda's webapps; "Đăng xuất" in Tasklist ends both; the engine's data rules still hold behind it;
 * Camunda's own password login is no way around {@link LoginThrottle}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneLoginTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;
    @Autowired LoginThrottle throttle;
    @LocalServerPort int port;

    private String soNgoaiVuProcess;
    private String soNgoaiVuTask;

    @BeforeAll
    void soNgoaiVuHasATask() {
        long directive = submitAndIssue(DirectiveFixtures.smallDirective("Một lần đăng nhập", List.of("SNGV", "STC"), List.of()));
        soNgoaiVuProcess = assignments.ofDirective(directive).stream()
                .filter(a -> a.agencyCode().equals("SNGV")).findFirst().orElseThrow().processInstanceId();
        soNgoaiVuTask = task(soNgoaiVuProcess, ACKNOWLEDGE_RECEIPT).getId();
    }

    @AfterEach
    void forgetFailedLogins() {
        throttle.reset();
    }

    private TasklistSession session() {
        return new TasklistSession(port, processEngine.getName());
    }

    @Test
    void tasklistSendsToTheOneLoginAndBack() {
        TasklistSession session = session();
        String tasklist = "/camunda/app/tasklist/" + processEngine.getName() + "/";
        HttpResponse<String> anonymous = session.page(tasklist);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(session.get("/task").statusCode()).as("Tasklist's own calls without a session").isEqualTo(401);

        HttpResponse<String> login = session.signIn("cbsngv", "demo");
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains(tasklist));
        assertThat(session.page(tasklist).statusCode()).isEqualTo(200);
    }

    @Test
    void oneLoginOpensTasklistAndWorkspaceAndLogoutEndsBoth() {
        TasklistSession session = session();
        assertThat(session.signIn("cbsngv", "demo").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        HttpResponse<String> tasks = session.get("/task?processInstanceId=" + soNgoaiVuProcess);
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).contains(soNgoaiVuTask);
        assertThat(session.page("/app/").statusCode()).isEqualTo(200);
        assertThat(session.page("/app/").body()).contains("cbsngv");

        assertThat(session.logout()).as("Tasklist's Đăng xuất").isEqualTo(200);
        assertThat(session.get("/task").statusCode()).isEqualTo(401);
        HttpResponse<String> workspace = session.page("/app/");
        assertThat(workspace.statusCode()).isEqualTo(302);
        assertThat(workspace.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void logoutWithoutCamundasCsrfTokenEndsNothing() {
        TasklistSession session = session();
        assertThat(session.login("cbsngv", "demo", "tasklist")).isEqualTo(200);
        HttpResponse<String> forged = session.page("/camunda/api/admin/auth/user/" + processEngine.getName() + "/logout");
        assertThat(forged.statusCode()).as("GET is no logout").isNotEqualTo(200);
        assertThat(session.get("/task").statusCode()).isEqualTo(200);
        assertThat(session.page("/app/").statusCode()).isEqualTo(200);
    }

    @Test
    void anOfficerStillSeesOnlyTheirAgencysTasks() {
        TasklistSession intruder = session();
        assertThat(intruder.login("cbstc", "demo", "tasklist")).isEqualTo(200);
        HttpResponse<String> tasks = intruder.get("/task?processInstanceId=" + soNgoaiVuProcess);
        assertThat(tasks.statusCode()).isEqualTo(200);
        assertThat(tasks.body()).isEqualTo("[]");
        assertThat(intruder.get("/task/" + soNgoaiVuTask).statusCode()).isIn(403, 404);
    }

    @Test
    void camundasOwnLoginIsNoWayAroundTheThrottle() {
        TasklistSession guesser = session();
        for (int i = 0; i < 8; i++) {
            guesser.signIn("ldsngv", "sai-" + i);
        }
        HttpResponse<String> right = guesser.signIn("ldsngv", "demo");
        assertThat(right.headers().firstValue("Location")).as("the throttle holds the right password back")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(guesser.camundaLogin("ldsngv", "demo", "tasklist")).isIn(401, 403);
        assertThat(guesser.get("/task").statusCode()).isEqualTo(401);

        // Signed in as somebody else, Camunda's login does not switch the session to another account either.
        TasklistSession officer = session();
        assertThat(officer.login("cbstc", "demo", "tasklist")).isEqualTo(200);
        assertThat(officer.camundaLogin("cbsngv", "demo", "tasklist")).isEqualTo(403);
        assertThat(officer.get("/task?processInstanceId=" + soNgoaiVuProcess).body()).isEqualTo("[]");
    }
}
