package vn.directivetracker.workspace;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/** Links into Camunda's webapps for the engine this application runs (its name is in the URL). */
@Component
class WorkspaceLinks {

    private final String engine;

    WorkspaceLinks(ProcessEngine processEngine) {
        this.engine = processEngine.getName();
    }

    String tasklist() {
        return "/camunda/app/tasklist/" + engine + "/";
    }

    String cockpit() {
        return "/camunda/app/cockpit/" + engine + "/";
    }

    String task(String taskId) {
        return taskId == null ? null : tasklist() + "#/?task=" + taskId;
    }

    String processInstance(String processInstanceId) {
        return processInstanceId == null ? null : cockpit() + "#/process-instance/" + processInstanceId + "/runtime";
    }
}
