package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.IntegrationTest;

/**
 * {@link IdCheckWithoutToStringPlugin}: the engine's commands use the entity manager whose id check
 * builds no message for a valid id, and an invalid id is refused as Camunda refuses it, with nothing
 * written.
 */
class IdCheckWithoutToStringPluginTest extends IntegrationTest {

    @Autowired ProcessEngineConfigurationImpl engine;

    @Test
    void validIdsAreInsertedWithoutPrintingTheEntity() {
        PrintCountingProperty probe = new PrintCountingProperty("id-check-probe", "1");
        engine.getCommandExecutorTxRequired().execute(command -> {
            IdCheckWithoutToStringPlugin.IdCheckingEntityManager manager =
                    (IdCheckWithoutToStringPlugin.IdCheckingEntityManager) command.getDbEntityManager();
            manager.validateId(probe);
            manager.insert(new PropertyEntity("id-check-probe", "1"));
            return null;
        });
        assertThat(probe.printed).as("toString() calls for a valid id's check").isZero();
        assertThat(managementService.getProperties()).containsEntry("id-check-probe", "1");
        managementService.deleteProperty("id-check-probe");
    }

    @Test
    void theReservedIdIsRefusedAsCamundaRefusesItAndNothingIsWritten() {
        assertThatThrownBy(() -> engine.getCommandExecutorTxRequired().execute(command -> {
            command.getDbEntityManager().insert((DbEntity) new PropertyEntity("*", "1"));
            return null;
        })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("cannot be *");
        assertThat(managementService.getProperties()).doesNotContainKey("*");
    }

    /** A property that counts how often it is printed (checked, not inserted: MyBatis maps by class). */
    static class PrintCountingProperty extends PropertyEntity {

        int printed;

        PrintCountingProperty(String name, String value) {
            super(name, value);
        }

        @Override
        public String toString() {
            printed++;
            return super.toString();
        }
    }
}
