package vn.directivetracker.notification;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds a {@code create} task listener ({@link TaskCreatedMail}) to every user task of every process
 * while the engine parses it — Camunda's classic pattern for "email me when a task lands in my group"
 * without touching the BPMN files. Definitions deployed earlier get it too: the engine re-parses them
 * when it loads them after a restart.
 *
 * <p>The listener bean is looked up when a task is created, not when the plugin is built: the plugin
 * is needed to build the engine, and the listener needs beans that need the engine.
 */
@Component
class TaskMailPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskCreatedMail> listener;

    TaskMailPlugin(ObjectProvider<TaskCreatedMail> listener) {
        this.listener = listener;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener onCreate = task -> listener.getObject().notify(task);
        parseListeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
            }
        });
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
}
