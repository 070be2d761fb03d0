package vn.directivetracker.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** Grants read up front by {@link #inBulk}, for this thread; keys written since are read again. */
    private final ThreadLocal<Snapshot> snapshot = new ThreadLocal<>();

    private record Snapshot(Set<Integer> resourceTypes, Map<String, Authorization> byKey, Set<String> written) {

        /** Whether the snapshot answers for this key (its resource was read, and it was not written since). */
        boolean knows(Resource resource, String key) {
            return resourceTypes.contains(resource.resourceType()) && !written.contains(key);
        }
    }

    public Grants(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    /**
     * Runs {@code work} (calls of this class) with every authorization on the given resource types
     * read in one query each, instead of one query per grant checked: the start-up check of ~300
     * agency groups × 3 grants (issue 11). Same result as without: a missing or partial grant is still
     * created or completed, and one written meanwhile is read from the database again.
     */
    public void inBulk(List<Resource> resources, Runnable work) {
        Map<String, Authorization> byKey = new HashMap<>();
        for (Resource resource : resources) {
            for (Authorization a : authorizationService.createAuthorizationQuery().resourceType(resource).list()) {
                byKey.put(key(a.getAuthorizationType(), a.getGroupId(), a.getUserId(), resource, a.getResourceId()), a);
            }
        }
        Set<Integer> types = new HashSet<>();
        resources.forEach(r -> types.add(r.resourceType()));
        snapshot.set(new Snapshot(types, byKey, new HashSet<>()));
        try {
            work.run();
        } finally {
            snapshot.remove();
        }
    }

    public void toGroup(String groupId, Resource resource, String resourceId, Permission... permissions) {
        ensure(AUTH_TYPE_GRANT, groupId, null, resource, resourceId, permissions);
    }

    public void toUser(String userId, Resource resource, String resourceId, Permission... permissions) {
        ensure(AUTH_TYPE_GRANT, null, userId, resource, resourceId, permissions);
    }

    /** A global authorization: every authenticated user (used for the Tasklist filters everyone shares). */
    public void toEveryone(Resource resource, String resourceId, Permission... permissions) {
        ensure(AUTH_TYPE_GLOBAL, null, ANY, resource, resourceId, permissions);
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

    private void ensure(int type, String groupId, String userId, Resource resource, String resourceId,
            Permission... permissions) {
        String key = key(type, groupId, userId, resource, resourceId);
        Snapshot known = snapshot.get();
        Authorization authorization = known != null && known.knows(resource, key)
                ? known.byKey().get(key)
                : find(type, groupId, userId, resource, resourceId);
        if (authorization != null && hasAll(authorization, permissions)) {
            return;
        }
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(type);
            if (groupId != null) {
                authorization.setGroupId(groupId);
            } else {
                authorization.setUserId(userId);
            }
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
        if (known != null) {
            known.written().add(key);
        }
    }

    private Authorization find(int type, String groupId, String userId, Resource resource, String resourceId) {
        AuthorizationQuery query = query(type, resource, resourceId);
        if (groupId != null) {
            query.groupIdIn(groupId);
        } else if (type != AUTH_TYPE_GLOBAL) {
            query.userIdIn(userId);
        }
        return query.singleResult();
    }

    private static String key(int type, String groupId, String userId, Resource resource, String resourceId) {
        return type + "|" + groupId + "|" + (groupId == null ? userId : null) + "|" + resource.resourceType() + "|" + resourceId;
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
