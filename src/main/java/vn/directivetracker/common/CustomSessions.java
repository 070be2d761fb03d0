package vn.directivetracker.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/** The engine's documented hook for replacing one of its per-command sessions (call from a plugin's preInit). */
public final class CustomSessions {

    private CustomSessions() {}

    /** Camunda opens {@code open}'s session wherever a command asks for {@code type}, instead of its own. */
    public static void register(ProcessEngineConfigurationImpl configuration, Class<?> type, Supplier<Session> open) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return type;
            }

            @Override
            public Session openSession() {
                return open.get();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
