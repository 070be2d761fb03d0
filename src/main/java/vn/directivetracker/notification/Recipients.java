package vn.directivetracker.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;

/**
 * People behind Camunda groups and user ids, with their email addresses. Looked up without the
 * current user's authorizations ({@link WithoutAuthentication}): whoever completes a task must not
 * cause fewer emails because they may not read the other users (Camunda authorization, issue 5).
 */
@Component
class Recipients {

    /** A user with an email address. */
    record Person(String userId, String name, String email) {}

    private final IdentityService identity;
    private final ManagementService management;
    private volatile String membersSql;

    Recipients(IdentityService identity, ManagementService management) {
        this.identity = identity;
        this.management = management;
    }

    /** Members of any of the groups who have an address, each once, in the groups' order. */
    List<Person> membersOf(Collection<String> groupIds) {
        return unauthenticated(() -> {
            Map<String, Person> people = new LinkedHashMap<>();
            for (String group : groupIds) {
                // A native query, not createUserQuery().memberOfGroup(): the same users in the same
                // order, but the user query's MyBatis mapping evaluates its many optional conditions on
                // every call — ~10 % of a fan-out chunk's CPU, one call per new task (issue 11, ADR 28;
                // ADR 25 did the same for the open task's link).
                for (User user : identity.createNativeUserQuery().sql(membersSql()).parameter("groupId", group).list()) {
                    person(user).ifPresent(p -> people.putIfAbsent(p.userId(), p));
                }
            }
            return List.copyOf(people.values());
        });
    }

    /** The engine's user and membership tables, with its table prefix if one is configured. */
    private String membersSql() {
        String sql = membersSql;
        if (sql == null) {
            // The engine's own names (the API types have no table of their own in its map).
            String users = management.getTableName(UserEntity.class);
            String memberships = management.getTableName(MembershipEntity.class);
            sql = "select u.* from " + users + " u join " + memberships + " m on m.USER_ID_ = u.ID_"
                    + " where m.GROUP_ID_ = #{groupId} order by u.ID_ asc";
            membersSql = sql;
        }
        return sql;
    }

    Optional<Person> user(String userId) {
        return unauthenticated(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .flatMap(Recipients::person));
    }

    private static Optional<Person> person(User user) {
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            return Optional.empty();
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return Optional.of(new Person(user.getId(), name.isEmpty() ? user.getId() : name, user.getEmail().strip()));
    }

    private <T> T unauthenticated(Supplier<T> query) {
        return WithoutAuthentication.call(identity, query);
    }
}
