package vn.directivetracker.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BPMN is code: every model in bpmn/ follows the project's rules — diagram for every element
 * (Modeler and Cockpit can draw it), Vietnamese names, stable English ids, history time to live,
 * async service tasks with a retry cycle behind a delegate bean (except those that only write the
 * outbox), forms that exist, and conditional flows out of an activity only in complementary pairs.
 */
class ProcessModelRulesTest {

    private static final Path BPMN_DIR = Path.of("bpmn");

    /**
     * Service tasks that only write outbox rows (ADR 7), which is as reliable in the caller's
     * transaction as in a job of their own: synchronous, so a fan-out creates each child with its
     * notice in one transaction, and a reminder is one job (its timer's) instead of two (ADR 17).
     * Everything else that calls a delegate is async.
     */
    private static final Set<String> WRITES_OUTBOX_ONLY =
            Set.of("NotifyAgency", "SendAcknowledgeReminder", "SendDueSoonReminder", "SendOverdueNotice");

    static Stream<Path> models() throws IOException {
        List<Path> models;
        try (Stream<Path> files = Files.list(BPMN_DIR)) {
            models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(3);
        return models.stream();
    }

    private static BpmnModelInstance read(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Bpmn.validateModel(model);
        return model;
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementIsDrawn(Path file) {
        BpmnModelInstance model = read(file);
        Set<String> shapes = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
        Set<String> edges = new HashSet<>();
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> edges.add(e.getBpmnElement().getId()));
        assertThat(ids(model.getModelElementsByType(FlowNode.class))).allSatisfy(id -> assertThat(shapes).contains(id));
        assertThat(ids(model.getModelElementsByType(SequenceFlow.class))).allSatisfy(id -> assertThat(edges).contains(id));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> assertThat(e.getWaypoints()).hasSizeGreaterThanOrEqualTo(2));
    }

    @ParameterizedTest
    @MethodSource("models")
    void idsAreStableEnglishAndNamesAreVietnamese(Path file) {
        BpmnModelInstance model = read(file);
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getId()).as("id").matches("[A-Z][A-Za-z0-9_]+");
            boolean joinGateway = node instanceof ExclusiveGateway && node.getIncoming().size() > 1;
            if (!joinGateway) {
                assertThat(node.getName()).as("name of " + node.getId()).isNotBlank();
            }
        }
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() > 1) {
                gateway.getOutgoing().forEach(flow -> {
                    assertThat(flow.getName()).as("name of " + flow.getId()).isNotBlank();
                    assertThat(flow.getConditionExpression()).as("condition of " + flow.getId()).isNotNull();
                });
            }
        }
        String names = String.join(" ", model.getModelElementsByType(FlowNode.class).stream()
                .map(FlowNode::getName).filter(n -> n != null).toList());
        assertThat(names).containsPattern("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]");
    }

    /**
     * Conditional flows out of an activity (drawn with the small diamond) instead of a fork and a
     * choice behind it save their activity instances, which matters where a fan-out creates many
     * instances in one transaction (issue 11: {@code NotifyAgency} of agency-assignment, ADR 8
     * addendum). The activity then takes every unconditional flow and every flow whose condition
     * holds, so they are allowed only where that is as clear as the gateways were: out of an activity
     * (not an event), named, and in complementary pairs {@code ${e}} / {@code ${!e}} — exactly one flow
     * of each pair is taken, so the activity never leaves on neither (an engine error if it had no
     * other flow, a silently lost branch if it had) nor on both (two watches of one assignment).
     * Anything subtler stays a gateway.
     */
    @ParameterizedTest
    @MethodSource("models")
    void conditionalFlowsOutOfActivitiesComeInComplementaryPairs(Path file) {
        assertConditionalFlowsOutOfActivitiesAreComplementary(read(file));
    }

    /** The rule above can fail: a lone condition, and one whose complement is not its negation. */
    @Test
    void conditionalFlowsWithoutTheirComplementAreRefused() {
        assertThatThrownBy(() -> assertConditionalFlowsOutOfActivitiesAreComplementary(workLeaving("${due}", null)))
                .hasMessageContaining("complement of WhenDue");
        assertThatThrownBy(() -> assertConditionalFlowsOutOfActivitiesAreComplementary(workLeaving("${due}", "${late}")))
                .hasMessageContaining("complement of WhenDue");
        assertConditionalFlowsOutOfActivitiesAreComplementary(workLeaving("${due}", "${!due}"));
        assertConditionalFlowsOutOfActivitiesAreComplementary(workLeaving("${due && late}", "${!(due && late)}"));
    }

    /** A task leaving on flow {@code WhenDue} (condition {@code ${due}}) and on {@code Other} (unconditional if null). */
    private static BpmnModelInstance workLeaving(String due, String other) {
        var work = Bpmn.createExecutableProcess("work").startEvent("Start").serviceTask("Work").camundaDelegateExpression("${work}");
        work.sequenceFlowId("WhenDue").condition("Có hạn", due).endEvent("Watched");
        var otherFlow = work.moveToActivity("Work").sequenceFlowId("Other");
        if (other != null) {
            otherFlow.condition("Khác", other);
        }
        otherFlow.endEvent("Done");
        return work.done();
    }

    static void assertConditionalFlowsOutOfActivitiesAreComplementary(BpmnModelInstance model) {
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getConditionExpression() == null || flow.getSource() instanceof Gateway) {
                continue;
            }
            assertThat(flow.getSource()).as(flow.getId() + " leaves an activity").isInstanceOf(Activity.class);
            assertThat(flow.getName()).as("name of " + flow.getId()).isNotBlank();
            List<String> otherConditions = flow.getSource().getOutgoing().stream()
                    .filter(other -> other != flow && other.getConditionExpression() != null)
                    .map(other -> other.getConditionExpression().getTextContent().strip()).toList();
            assertThat(otherConditions).as("complement of " + flow.getId())
                    .containsOnlyOnce(complement(flow.getConditionExpression().getTextContent().strip()));
        }
    }

    /** {@code ${e}} ↔ {@code ${!e}} for a single term e (a variable or a bean call), else {@code ${!(e)}}. */
    private static String complement(String condition) {
        assertThat(condition).as("condition").matches("\\$\\{.+\\}");
        String e = condition.substring(2, condition.length() - 1).strip();
        String term = "[A-Za-z_][\\w.]*(\\([\\w, ]*\\))?";
        if (e.matches("!" + term)) {
            return "${" + e.substring(1) + "}";
        }
        if (e.startsWith("!(") && e.endsWith(")")) {
            return "${" + e.substring(2, e.length() - 1) + "}";
        }
        return e.matches(term) ? "${!" + e + "}" : "${!(" + e + ")}";
    }

    @ParameterizedTest
    @MethodSource("models")
    void processesSetHistoryTimeToLive(Path file) {
        for (Process process : read(file).getModelElementsByType(Process.class)) {
            assertThat(process.isExecutable()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
            assertThat(process.getName()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void serviceTasksAreAsyncDelegatesWithRetries(Path file) {
        for (ServiceTask task : read(file).getModelElementsByType(ServiceTask.class)) {
            assertThat(task.getCamundaDelegateExpression()).as(task.getId() + " delegate").matches("\\$\\{[a-z][A-Za-z]+\\}");
            if (WRITES_OUTBOX_ONLY.contains(task.getId())) {
                assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " runs in its caller's transaction (ADR 17)").isFalse();
                assertTimerInFrontRetries(task);
                continue;
            }
            assertThat(task.isCamundaAsyncBefore()).as(task.getId() + " async").isTrue();
            assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).count())
                    .as(task.getId() + " retry cycle").isEqualTo(1);
        }
    }

    /**
     * A parallel multi-instance whose instances are each a job (async on the loop characteristics,
     * e.g. a letter's fan-out chunks) runs them non-exclusive with a retry cycle: Camunda runs the
     * exclusive jobs of one process instance one after another, which would serialize the fan-out
     * (ADR 2, ADR 23).
     */
    @ParameterizedTest
    @MethodSource("models")
    void jobPerInstanceMultiInstancesRunInParallelAndRetry(Path file) {
        for (MultiInstanceLoopCharacteristics loop : read(file).getModelElementsByType(MultiInstanceLoopCharacteristics.class)) {
            String owner = ((BaseElement) loop.getParentElement()).getId();
            if (!loop.isSequential() && loop.isCamundaAsyncBefore()) {
                assertThat(loop.isCamundaExclusive()).as(owner + " instances non-exclusive").isFalse();
                assertThat(loop.getExtensionElements()).as(owner + " instances' retry cycle").isNotNull();
                assertThat(loop.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).count())
                        .as(owner + " instances' retry cycle").isEqualTo(1);
            }
        }
    }

    /** A synchronous task behind a timer fails and retries with that timer's job: the timer carries the retry cycle. */
    private static void assertTimerInFrontRetries(ServiceTask task) {
        for (SequenceFlow incoming : task.getIncoming()) {
            if (incoming.getSource() instanceof CatchEvent event
                    && !event.getChildElementsByType(TimerEventDefinition.class).isEmpty()) {
                assertThat(event.getExtensionElements()).as(event.getId() + " retry cycle").isNotNull();
                assertThat(event.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).count())
                        .as(event.getId() + " retry cycle").isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void userTasksUseDeployedVietnameseForms(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
            String formRef = task.getCamundaFormRef();
            assertThat(formRef).as(task.getId() + " formRef").isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            Path form = BPMN_DIR.resolve("forms").resolve(formRef + ".form");
            assertThat(form).exists();
            JsonNode json = mapper.readTree(form.toFile());
            assertThat(json.get("id").asText()).isEqualTo(formRef);
            assertThat(json.get("components")).isNotEmpty();
            assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
                    .as(task.getId() + " has someone to do it").isTrue();
        }
    }

    private static List<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).toList();
    }
}
