package vn.directivetracker.audit;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.delegation.DelegationAction;
import vn.directivetracker.delegation.DelegationRepository;

/**
 * Who did what and when, merged from three records (see {@link AuditEntry}) and ordered by time. The
 * engine's log is read as the signed-in auditor, so Camunda's own READ_HISTORY grants still apply;
 * our tables are read directly (directive_event read-only, it belongs to the directive feature).
 */
@Service
class AuditTrail {

    private final HistoryService historyService;
    private final DirectiveService directives;
    private final AssignmentRepository assignments;
    private final DelegationRepository delegations;
    private final JdbcClient jdbc;
    private final Clocks clocks;

    AuditTrail(HistoryService historyService, DirectiveService directives, AssignmentRepository assignments,
            DelegationRepository delegations, JdbcClient jdbc, Clocks clocks) {
        this.historyService = historyService;
        this.directives = directives;
        this.assignments = assignments;
        this.delegations = delegations;
        this.jdbc = jdbc;
        this.clocks = clocks;
    }

    /** Everything recorded about one directive: its issuance, its execution and every agency's assignment. */
    List<AuditEntry> ofDirective(long directiveId, int limit) {
        Directive directive = directives.get(directiveId);
        Set<String> processes = new LinkedHashSet<>();
        addIfPresent(processes, directive.issuanceProcessInstanceId());
        addIfPresent(processes, directive.executionProcessInstanceId());
        assignments.ofDirective(directiveId).stream().map(Assignment::processInstanceId).forEach(pi -> addIfPresent(processes, pi));

        List<AuditEntry> entries = new ArrayList<>();
        for (String pi : processes) {
            entries.addAll(camunda(historyService.createUserOperationLogQuery().processInstanceId(pi), Integer.MAX_VALUE));
        }
        entries.addAll(directiveEvents("e.directive_id = ?", directiveId));
        delegations.actionsInProcesses(processes).forEach(a -> entries.add(delegation(a)));
        return latest(entries, limit);
    }

    /** What one user (or everybody) did in a date range, both days included. */
    List<AuditEntry> between(String userId, LocalDate from, LocalDate to, int limit) {
        LocalDateTime start = from.atStartOfDay();
        LocalDateTime end = to.plusDays(1).atStartOfDay();
        UserOperationLogQuery query = historyService.createUserOperationLogQuery()
                .afterTimestamp(toDate(start.minusNanos(1))).beforeTimestamp(toDate(end));
        if (userId != null) {
            query.userId(userId);
        }
        List<AuditEntry> entries = new ArrayList<>(camunda(query, limit));
        entries.addAll(userId == null
                ? directiveEvents("e.occurred_at >= ? and e.occurred_at < ?", start, end)
                : directiveEvents("e.actor = ? and e.occurred_at >= ? and e.occurred_at < ?", userId, start, end));
        delegations.actionsBetween(userId, start, end).forEach(a -> entries.add(delegation(a)));
        return latest(entries, limit);
    }

    /** One entry per operation: Camunda writes one log row per changed property, sharing an operation id. */
    private List<AuditEntry> camunda(UserOperationLogQuery query, int limit) {
        List<UserOperationLogEntry> rows = query.orderByTimestamp().desc().listPage(0, Math.min(limit, 10_000) * 4);
        Map<String, List<UserOperationLogEntry>> byOperation = rows.stream()
                .collect(Collectors.groupingBy(UserOperationLogEntry::getOperationId, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> taskNames = taskNames(rows);
        List<AuditEntry> entries = new ArrayList<>();
        byOperation.values().forEach(operation -> {
            UserOperationLogEntry first = operation.get(0);
            String changes = operation.stream().filter(e -> e.getProperty() != null)
                    .map(e -> e.getProperty() + ": " + (e.getOrgValue() == null ? "" : e.getOrgValue() + " → ")
                            + (e.getNewValue() == null ? "" : e.getNewValue()))
                    .collect(Collectors.joining("; "));
            entries.add(new AuditEntry(toLocal(first.getTimestamp()), "CAMUNDA", first.getUserId(), null,
                    first.getOperationType(), AuditLabels.of(first.getOperationType()),
                    first.getTaskId() == null ? null : taskNames.get(first.getTaskId()), first.getProcessInstanceId(),
                    first.getTaskId(), first.getEntityType() + (changes.isEmpty() ? "" : " — " + changes)));
        });
        return entries;
    }

    /** Task names of the logged operations, looked up per process instance (the log keeps only ids). */
    private Map<String, String> taskNames(List<UserOperationLogEntry> rows) {
        Map<String, String> names = new HashMap<>();
        rows.stream().filter(e -> e.getTaskId() != null && e.getProcessInstanceId() != null)
                .map(UserOperationLogEntry::getProcessInstanceId).distinct()
                .forEach(pi -> historyService.createHistoricTaskInstanceQuery().processInstanceId(pi).list()
                        .forEach(t -> names.put(t.getId(), t.getName())));
        return names;
    }

    private List<AuditEntry> directiveEvents(String where, Object... params) {
        return jdbc.sql("""
                        select e.occurred_at, e.actor, e.event_type, e.comment_text, a.agency_code, a.process_instance_id
                        from directive_event e left join assignment a on a.id = e.assignment_id
                        where\s""" + where + " order by e.occurred_at, e.id")
                .params(params)
                .query((rs, row) -> new AuditEntry(rs.getObject("occurred_at", LocalDateTime.class), "DIRECTIVE",
                        rs.getString("actor"), null, rs.getString("event_type"), AuditLabels.of(rs.getString("event_type")),
                        null, rs.getString("process_instance_id"), null,
                        join(rs.getString("agency_code"), rs.getString("comment_text"))))
                .list();
    }

    private AuditEntry delegation(DelegationAction a) {
        return new AuditEntry(a.occurredAt(), "DELEGATION", a.actedBy(), a.actedFor(), a.action(), AuditLabels.of(a.action()),
                a.taskName(), a.processInstanceId(), a.taskId(), "ủy quyền số " + a.delegationId());
    }

    private static List<AuditEntry> latest(List<AuditEntry> entries, int limit) {
        return entries.stream().sorted(Comparator.comparing(AuditEntry::at)).skip(Math.max(0, entries.size() - limit)).toList();
    }

    private static String join(String agency, String comment) {
        if (agency == null) {
            return comment;
        }
        return comment == null ? agency : agency + ": " + comment;
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private LocalDateTime toLocal(Date date) {
        return LocalDateTime.ofInstant(date.toInstant(), clocks.zone());
    }

    private Date toDate(LocalDateTime local) {
        return Date.from(local.atZone(clocks.zone()).toInstant());
    }
}
