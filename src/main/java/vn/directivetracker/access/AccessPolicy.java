package vn.directivetracker.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.RETRY_JOB;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.springframework.stereotype.Component;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.reporting.collection.ReportCollectionProcess;
import vn.directivetracker.directive.DirectiveExecutionProcess;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.identity.Roles;

/**
 * What each kind of group may do in the engine (docs/adr/0006-authorization-model.md). Task permissions are not here:
 * Camunda grants a task's candidate groups READ and UPDATE on that task when it is created, which is
 * exactly "an agency works its own tasks". What is here is everything around the tasks: which web
 * applications a group opens, which process definitions it reads (Tasklist shows their names and
 * diagrams), who may start a directive and who monitors every instance and its history in Cockpit.
 *
 * <p>Agency groups get no READ_INSTANCE, READ_TASK or READ_HISTORY on any definition: those would
 * open every agency's instances, variables and history to them.
 */
@Component
public class AccessPolicy {

    static final String TASKLIST = "tasklist";
    static final String COCKPIT = "cockpit";

    private final Grants grants;

    public AccessPolicy(Grants grants) {
        this.grants = grants;
    }

    public void grantRole(String role) {
        grants.toGroup(role, APPLICATION, TASKLIST, Permissions.ACCESS);
        switch (role) {
            case Roles.COORDINATOR -> {
                monitorEverything(role);
                grants.toGroup(role, PROCESS_DEFINITION, ANY, RETRY_JOB);
                // Only coordinators submit directives (POST /api/directives starts the issuance as them).
                grants.toGroup(role, PROCESS_DEFINITION, DirectiveIssuanceProcess.KEY, CREATE_INSTANCE);
                // Ad-hoc report requests (POST /api/directives/{id}/report-requests) start a collection as them.
                grants.toGroup(role, PROCESS_DEFINITION, ReportCollectionProcess.KEY, CREATE_INSTANCE);
                grants.toGroup(role, PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
                // Revoking a directive correlates a message to its execution instance (issue 3).
                grants.toGroup(role, PROCESS_DEFINITION, DirectiveExecutionProcess.KEY, UPDATE_INSTANCE);
            }
            case Roles.OFFICE_LEADER, Roles.PROVINCIAL_LEADER -> monitorEverything(role);
            case Roles.CLERK -> grants.toGroup(role, PROCESS_DEFINITION, DirectiveIssuanceProcess.KEY, READ);
            default -> throw new IllegalArgumentException("Unknown role " + role);
        }
    }

    /** Staff and heads of one agency: Tasklist, and the name of the process their tasks belong to. */
    public void grantAgencyGroup(String groupId) {
        grants.toGroup(groupId, APPLICATION, TASKLIST, Permissions.ACCESS);
        grants.toGroup(groupId, PROCESS_DEFINITION, AgencyAssignmentProcess.KEY, READ);
        grants.toGroup(groupId, PROCESS_DEFINITION, ReportCollectionProcess.KEY, READ);
    }

    /**
     * Every user reads and changes their own profile (Tasklist shows the name, changes the password).
     * Camunda grants this when it creates a user with authorization on; users created before that
     * (an embedded database from an older version) get it here.
     */
    public void grantOwnAccount(String userId) {
        grants.toUser(userId, USER, userId, Permissions.READ, Permissions.UPDATE);
    }

    /** Read-only Cockpit over every process: definitions, instances, their tasks and history. */
    private void monitorEverything(String role) {
        grants.toGroup(role, APPLICATION, COCKPIT, Permissions.ACCESS);
        grants.toGroup(role, PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);
        grants.toGroup(role, DEPLOYMENT, ANY, Permissions.READ);
    }
}
