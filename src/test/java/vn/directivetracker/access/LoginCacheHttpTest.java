package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.directivetracker.support.IntegrationTest;

/**
 * ADR 18: a remembered login never lets a wrong password through the engine REST API. ADR 26: an API
 * request with HTTP Basic opens no session (nothing to create, store or expire per call).
 */
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

    @Test
    void aBasicRequestOpensNoSession() {
        String tasks = "/engine-rest/engine/" + processEngine.getName() + "/task?candidateGroup=SNGV&maxResults=50";
        for (String path : new String[] {tasks, "/engine-rest/version", "/api/agencies"}) {
            var response = as("cbsngv").getForEntity(path, String.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(response.getHeaders().get("Set-Cookie")).as(path).isNull();
        }
        // The same check can fail: a browser sign-in does get a session cookie.
        var login = rest.getForEntity("/login", String.class);
        assertThat(login.getHeaders().get("Set-Cookie")).isNotNull();
    }
}
