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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * People behind Camunda groups and user ids, with their email addresses. Looked up without the
 * current user's authorizations: whoever completes a task must not cause fewer emails because they
 * may not read the other users (Camunda authorization, issue 5). A group's members come from one
 * statement on the engine's identity tables (no authorization check at all, ADR 28); a single user
 * from the engine's user query run without authentication ({@link WithoutAuthentication}).
 */
@Component
class Recipients {

    /** A user with an email address. */
    record Person(String userId, String name, String email) {}

    private final IdentityService identity;
    private final ManagementService management;
    private final JdbcClient jdbc;
    private volatile String membersSql;

    Recipients(IdentityService identity, ManagementService management, JdbcClient jdbc) {
        this.identity = identity;
        this.management = management;
        this.jdbc = jdbc;
    }

    /** Members of any of the groups who have an address, each once, in the groups' order. */
    List<Person> membersOf(Collection<String> groupIds) {
        Map<String, Person> people = new LinkedHashMap<>();
        for (String group : groupIds) {
            // One statement on the engine's identity tables, not createUserQuery().memberOfGroup(): the
            // same users in the same order (RecipientsTest compares them), but the engine query — even
            // a native one — runs a command and builds its SQL for every call, ~5–10 % of a fan-out
            // chunk's CPU, one call per new task (issue 11, ADR 28). Read as the system, like the
            // engine query without authentication: who completes a task must not reduce its emails.
            jdbc.sql(membersSql()).param(group).query((rs, row) -> person(rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4))).list()
                    .forEach(p -> p.ifPresent(person -> people.putIfAbsent(person.userId(), person)));
        }
        return List.copyOf(people.values());
    }

    /** The engine's user and membership tables, with its table prefix if one is configured. */
    private String membersSql() {
        String sql = membersSql;
        if (sql == null) {
            String users = management.getTableName(UserEntity.class);
            String memberships = management.getTableName(MembershipEntity.class);
            sql = "select u.ID_, u.FIRST_, u.LAST_, u.EMAIL_ from " + users + " u join " + memberships
                    + " m on m.USER_ID_ = u.ID_ where m.GROUP_ID_ = ? order by u.ID_ asc";
            membersSql = sql;
        }
        return sql;
    }

    Optional<Person> user(String userId) {
        return unauthenticated(() -> Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult())
                .flatMap(Recipients::person));
    }

    private static Optional<Person> person(User user) {
        return person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail());
    }

    private static Optional<Person> person(String id, String firstName, String lastName, String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return Optional.of(new Person(id, name.isEmpty() ? id : name, email.strip()));
    }

    private <T> T unauthenticated(Supplier<T> query) {
        return WithoutAuthentication.call(identity, query);
    }
}
