package vn.directivetracker.delegation;

import org.camunda.bpm.engine.ProcessEngineException;

/** A deputy acted on a task after the delegation that offered it was over (before the sweep withdrew it). */
class DelegationEndedException extends ProcessEngineException {

    DelegationEndedException(String message) {
        super(message);
    }
}
