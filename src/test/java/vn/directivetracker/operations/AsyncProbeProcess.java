package vn.directivetracker.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * A process of its own for the job-acquisition tests: an async continuation before a user task, so that
 * each instance started leaves exactly one message job, due now.
 */
final class AsyncProbeProcess {

    private final ProcessEngine engine;
    private final String key;
    private final String deploymentId;

    private AsyncProbeProcess(ProcessEngine engine, String key, String deploymentId) {
        this.engine = engine;
        this.key = key;
        this.deploymentId = deploymentId;
    }

    static AsyncProbeProcess deploy(ProcessEngine engine, String key) {
        String deploymentId = engine.getRepositoryService().createDeployment()
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().camundaAsyncAfter().userTask().endEvent().done())
                .deploy().getId();
        return new AsyncProbeProcess(engine, key, deploymentId);
    }

    /** Starts an instance and returns the id of its one job. */
    String startAndGetJob() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey(key).getId();
        return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
    }

    /** Removes the process with its instances and jobs. */
    void remove() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }
}
