package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.IntegrationTest;

/**
 * The group members' native query (ADR 28) answers what Camunda's user query answers: for every group
 * of the demo identity store, the same users with an address, in user-id order; several groups give
 * each person once, in the groups' order; a group without members gives nobody.
 */
class RecipientsTest extends IntegrationTest {

    @Autowired Recipients recipients;
    @Autowired IdentityService identity;

    @Test
    void membersAreThoseOfCamundasUserQuery() {
        List<Group> groups = identity.createGroupQuery().list();
        assertThat(groups).hasSizeGreaterThan(10);
        int withMembers = 0;
        for (Group group : groups) {
            List<String> expected = identity.createUserQuery().memberOfGroup(group.getId()).orderByUserId().asc().list().stream()
                    .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                    .map(User::getId)
                    .toList();
            List<String> actual = recipients.membersOf(List.of(group.getId())).stream().map(Recipients.Person::userId).toList();
            assertThat(actual).as(group.getId()).isEqualTo(expected);
            withMembers += expected.isEmpty() ? 0 : 1;
        }
        assertThat(withMembers).as("groups whose members have addresses").isGreaterThan(5);
    }

    @Test
    void severalGroupsGiveEachPersonOnceInTheGroupsOrder() {
        List<String> coordinators = ids(recipients.membersOf(List.of("coordinator")));
        List<String> agency = ids(recipients.membersOf(List.of("SNGV")));
        assertThat(coordinators).isNotEmpty();
        assertThat(agency).isNotEmpty();
        List<String> both = ids(recipients.membersOf(List.of("SNGV", "coordinator", "SNGV")));
        assertThat(both).startsWith(agency.toArray(String[]::new)).doesNotHaveDuplicates()
                .containsAll(coordinators).hasSize((int) java.util.stream.Stream.concat(agency.stream(), coordinators.stream()).distinct().count());
        assertThat(recipients.membersOf(List.of("no-such-group"))).isEmpty();
    }

    private static List<String> ids(List<Recipients.Person> people) {
        return people.stream().map(Recipients.Person::userId).toList();
    }
}
