package vn.directivetracker.agency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.StartupStep;

/**
 * Imports the registry at start-up. Point {@code directive-tracker.registry.agencies} at a file
 * of your own (e.g. {@code file:/etc/directive-tracker/agencies.csv}) to load the full list.
 */
@Component
class AgencyRegistryImport implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(AgencyRegistryImport.class);

    private final AgencyRegistry registry;
    private final Resource agencyFile;
    private final Resource setFile;

    AgencyRegistryImport(
            AgencyRegistry registry,
            @Value("${directive-tracker.registry.agencies:classpath:data/agencies.csv}") Resource agencyFile,
            @Value("${directive-tracker.registry.sets:classpath:data/agency-sets.csv}") Resource setFile) {
        this.registry = registry;
        this.agencyFile = agencyFile;
        this.setFile = setFile;
    }

    @Override
    public String name() {
        return "agency-registry";
    }

    @Override
    public void run() {
        int count = registry.importRegistry(agencyFile, setFile);
        log.info("Agency registry: {} agencies from {}", count, agencyFile.getDescription());
    }
}
