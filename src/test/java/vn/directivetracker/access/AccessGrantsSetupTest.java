package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.support.IntegrationTest;

/**
 * The start-up grant check reads the grants in bulk (issue 11): it must still repair what is missing
 * or partial, exactly as the one-query-per-grant version did, and add nothing on a second run.
 */
class AccessGrantsSetupTest extends IntegrationTest {

    @Autowired AccessGrantsSetup setup;
    @Autowired AuthorizationService authorizations;

    @Test
    void aSecondRunAddsNothing() {
        setup.run();
        long before = authorizations.createAuthorizationQuery().count();
        setup.run();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
    }

    @Test
    void missingAndPartialGrantsAreRepairedOnce() {
        setup.run();
        Authorization tasklist = grant("SNGV", Resources.APPLICATION, "tasklist");
        authorizations.deleteAuthorization(tasklist.getId());
        Authorization definition = grant("SNGV", Resources.PROCESS_DEFINITION, AgencyAssignmentProcess.KEY);
        definition.removePermission(Permissions.READ);
        authorizations.saveAuthorization(definition);
        Authorization own = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.USER).resourceId("cbsngv").userIdIn("cbsngv").singleResult();
        authorizations.deleteAuthorization(own.getId());

        setup.run();

        assertThat(grant("SNGV", Resources.APPLICATION, "tasklist").isPermissionGranted(Permissions.ACCESS)).isTrue();
        assertThat(grant("SNGV", Resources.PROCESS_DEFINITION, AgencyAssignmentProcess.KEY).isPermissionGranted(Permissions.READ)).isTrue();
        List<Authorization> ownAgain = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.USER).resourceId("cbsngv").userIdIn("cbsngv").list();
        assertThat(ownAgain).singleElement().satisfies(a -> assertThat(a.isPermissionGranted(Permissions.UPDATE)).isTrue());
    }

    /** Exactly one grant (singleResult fails on two). */
    private Authorization grant(String group, Resources resource, String resourceId) {
        Authorization found = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(resource).resourceId(resourceId).groupIdIn(group).singleResult();
        assertThat(found).as(group + " on " + resource + " " + resourceId).isNotNull();
        return found;
    }
}
