package vn.directivetracker.notification;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Whether this node's job executor has as much work as it has core threads (ADR 31): the background
 * dispatcher then leaves fresh mail for later. Read from the executor's thread pool, no database; a
 * node sees only its own load, which is what competes with its own dispatcher for CPU.
 */
@Component
class JobExecutorLoad {

    private final ProcessEngineConfigurationImpl configuration;

    JobExecutorLoad(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    boolean saturated() {
        return configuration.getJobExecutor() instanceof SpringJobExecutor executor
                && executor.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool
                && saturated(pool);
    }

    /** Every core thread taken, or jobs queued for a thread: a fan-out or a morning of timers is running. */
    static boolean saturated(ThreadPoolTaskExecutor pool) {
        try {
            return pool.getQueueSize() > 0 || pool.getActiveCount() >= pool.getCorePoolSize();
        } catch (IllegalStateException notStartedYetOrShutDown) {
            return false;
        }
    }
}
