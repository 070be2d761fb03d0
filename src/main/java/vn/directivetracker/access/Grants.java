package vn.directivetracker.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.springframework.stereotype.Component;

/**
 * Idempotent writes to Camunda's authorization table: a grant that already holds the permissions is
 * left alone, a partial one is completed, a missing one is created. Safe to run at every start and
 * for every import.
 */
@Component
public class Grants {

    private final AuthorizationService authorizationService;

    public Grants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        ensure(AUTH_TYPE_GRANT, q -> q.groupIdIn(groupId), a -> a.setGroupId(groupId), resource, resourceId, permissions);
    }

    public void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        ensure(AUTH_TYPE_GRANT, q -> q.userIdIn(userId), a -> a.setUserId(userId), resource, resourceId, permissions);
    }

    /** A global authorization: every authenticated user (used for the Tasklist filters everyone shares). */
    public void toEveryone(Resource resource, String resourceId, Permission... permissions) {
        ensure(AUTH_TYPE_GLOBAL, q -> q, a -> a.setUserId(ANY), resource, resourceId, permissions);
    }

    /** Removes the user's own grant on one resource (e.g. a task reached only through a delegation). */
    public void revokeUserGrant(String userId, Resource resource, String resourceId) {
        query(AUTH_TYPE_GRANT, resource, resourceId).userIdIn(userId).list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }

    /** Takes one permission back from a group (a grant earlier versions gave and no role needs now). */
    public void withdrawFromGroup(String groupId, Resource resource, String resourceId, Permission permission) {
        Authorization authorization = query(AUTH_TYPE_GRANT, resource, resourceId).groupIdIn(groupId).singleResult();
        if (authorization != null && authorization.isPermissionGranted(permission)) {
            authorization.removePermission(permission);
            authorizationService.saveAuthorization(authorization);
        }
    }

    private void ensure(int type, UnaryOperator<AuthorizationQuery> who, Consumer<Authorization> setWho,
            Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = who.apply(query(type, resource, resourceId)).singleResult();
        if (authorization != null && hasAll(authorization, permissions)) {
            return;
        }
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(type);
            setWho.accept(authorization);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private AuthorizationQuery query(int type, Resource resource, String resourceId) {
        return authorizationService.createAuthorizationQuery()
                .authorizationType(type).resourceType(resource).resourceId(resourceId);
    }

    private static boolean hasAll(Authorization authorization, Permission... permissions) {
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                return false;
            }
        }
        return true;
    }
}
