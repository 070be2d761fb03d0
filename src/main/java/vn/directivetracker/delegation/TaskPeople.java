package vn.directivetracker.delegation;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** Who a task is for at one moment: its assignee and its candidate users and groups. */
record TaskPeople(String taskId, String assignee, Set<String> candidateUsers, Set<String> candidateGroups) {

    static TaskPeople of(String taskId, String assignee, Collection<IdentityLink> links) {
        Set<String> users = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
                .map(IdentityLink::getUserId).collect(Collectors.toUnmodifiableSet());
        Set<String> groups = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).collect(Collectors.toUnmodifiableSet());
        return new TaskPeople(taskId, assignee, users, groups);
    }

    /** The task is the user's own work: assigned to them, or still open to them or one of their groups. */
    boolean isWorkOf(String user, Set<String> groupsOfUser) {
        if (assignee != null) {
            return assignee.equals(user);
        }
        return candidateUsers.contains(user) || !Collections.disjoint(candidateGroups, groupsOfUser);
    }

    TaskPeople withoutCandidateUser(String user) {
        Set<String> others = candidateUsers.stream().filter(u -> !u.equals(user)).collect(Collectors.toUnmodifiableSet());
        String ownAssignee = user.equals(assignee) ? null : assignee;
        return new TaskPeople(taskId, ownAssignee, others, candidateGroups);
    }

    /** The user may already work the task without anybody's delegation. */
    boolean reachableBy(String user, Set<String> groupsOfUser) {
        return user.equals(assignee) || candidateUsers.contains(user) || !Collections.disjoint(candidateGroups, groupsOfUser);
    }
}
