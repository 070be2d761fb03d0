package vn.directivetracker.operations;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.CustomSessions;

/**
 * Camunda checks the id of every row it inserts, and builds the error message for that check before
 * it knows whether the id is wrong: {@code "Entity " + entity + …}, the entity's whole
 * {@code toString()} (a history event or a timer prints a dozen fields). The id is never wrong for
 * the ids Camunda generates itself, so every insert paid for a message nobody reads: ~8 % of the
 * fan-out's job threads, ~25 inserts per assignment (issue 11, ADR 30).
 *
 * <p>This entity manager runs the same check, and Camunda's own code with its message when the id
 * is actually invalid (null or the reserved {@code *}); everything else is Camunda's
 * {@link DbEntityManager}. Installed through the engine's documented custom session factory hook,
 * as the one Camunda registers for the same session type.
 */
@Component
class IdCheckWithoutToStringPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // As Camunda's DbEntityManagerFactory; the id generator is read per session because it does
        // not exist yet when plugins run.
        CustomSessions.register(configuration, DbEntityManager.class, () -> new IdCheckingEntityManager(
                Context.getProcessEngineConfiguration().getIdGenerator(),
                Context.getCommandContext().getSession(PersistenceSession.class)));
    }

    /** Camunda's entity manager; the id check builds its message only for an id that fails it. */
    static class IdCheckingEntityManager extends DbEntityManager {

        IdCheckingEntityManager(IdGenerator ids, PersistenceSession persistence) {
            super(ids, persistence);
        }

        @Override
        protected void validateId(DbEntity entity) {
            String id = entity.getId();
            if (id == null || Authorization.ANY.equals(id)) {
                super.validateId(entity);
            }
        }
    }
}
