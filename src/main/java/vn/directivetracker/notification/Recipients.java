package vn.directivetracker.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
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

    Recipients(IdentityService identity) {
        this.identity = identity;
    }

    /** Members of any of the groups who have an address, each once, in the groups' order. */
    List<Person> membersOf(Collection<String> groupIds) {
        return unauthenticated(() -> {
            Map<String, Person> people = new LinkedHashMap<>();
            for (String group : groupIds) {
                for (User user : identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()) {
                    person(user).ifPresent(p -> people.putIfAbsent(p.userId(), p));
                }
            }
            return List.copyOf(people.values());
        });
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
