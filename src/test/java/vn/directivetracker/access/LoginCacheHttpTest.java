package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.directivetracker.support.IntegrationTest;

/** ADR 18: a remembered login never lets a wrong password through the engine REST API. */
class LoginCacheHttpTest extends IntegrationTest {

    @Test
    void aWrongPasswordIsRefusedRightAfterTheRightOne() {
        String tasks = "/engine-rest/engine/" + processEngine.getName() + "/task?candidateGroup=SNGV&maxResults=50";
        assertThat(as("cbsngv").getForEntity(tasks, String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.withBasicAuth("cbsngv", "demo2").getForEntity(tasks, String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(rest.withBasicAuth("cbsngv", "").getForEntity(tasks, String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(rest.withBasicAuth("cbstc", "demo2").getForEntity(tasks, String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(as("cbsngv").getForEntity(tasks, String.class).getStatusCode().value()).isEqualTo(200);
    }
}
