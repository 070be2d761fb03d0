package vn.directivetracker.startup;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Issue 11, figure f, ADR 34: Camunda's MyBatis mappings (55 mapper files, ~2.7 s of the main thread's
 * ~9 s start on the 2-core machine) are parsed on a second thread while the main thread builds the
 * Spring context. The parse needs only the database type and the table prefix, both known from the
 * configuration before any bean exists; {@link PrefetchedMappingsEngineConfiguration} takes the result
 * where Camunda would parse, and only if the engine detected the same type and prefix.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so it runs for every application context,
 * tests included: the engine of every test runs on prefetched mappings. Anything unexpected (an
 * unknown database, a failed parse) leaves the prefetch empty and Camunda parses as it always did.
 */
public final class EngineMappingsPrefetch implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN_NAME = "engineMappingsPrefetch";

    private static final Logger log = LoggerFactory.getLogger(EngineMappingsPrefetch.class);

    /** Far beyond a parse (seconds); a prefetch that has not finished by then is not waited for. */
    private static final long PATIENCE_SECONDS = 120;

    /** What one prefetch parsed, and for which database type and table prefix. */
    record Parsed(String databaseType, String tablePrefix, Configuration configuration) {}

    /** Handed over once: {@link #take} leaves nothing behind for the context to hold on to. */
    private final AtomicReference<CompletableFuture<Optional<Parsed>>> parsed;

    /** For the initializer entry in spring.factories: holds nothing until {@link #initialize} runs. */
    public EngineMappingsPrefetch() {
        this(CompletableFuture.completedFuture(Optional.empty()));
    }

    private EngineMappingsPrefetch(CompletableFuture<Optional<Parsed>> parsed) {
        this.parsed = new AtomicReference<>(parsed);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Optional<String> databaseType = databaseType(context.getEnvironment());
        if (databaseType.isEmpty()) {
            return;
        }
        String tablePrefix = property(context.getEnvironment(), "camunda.bpm.database.table-prefix");
        context.getBeanFactory().registerSingleton(BEAN_NAME, start(databaseType.get(), tablePrefix));
    }

    /** Starts parsing on a daemon thread of its own. */
    static EngineMappingsPrefetch start(String databaseType, String tablePrefix) {
        ClassLoader loader = ProcessEngineConfigurationImpl.class.getClassLoader();
        CompletableFuture<Optional<Parsed>> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> future.complete(parse(databaseType, tablePrefix, loader)), "camunda-mappings-prefetch");
        thread.setDaemon(true);
        // MyBatis resolves mapper files and entity classes through the thread's context class loader.
        thread.setContextClassLoader(loader);
        thread.start();
        return new EngineMappingsPrefetch(future);
    }

    /**
     * The parsed mappings if they were parsed for this database type and table prefix (waiting for the
     * parse to finish); empty otherwise, and then the caller parses them itself. One use only: the
     * configuration is handed over, not shared.
     */
    Optional<Configuration> take(String databaseType, String tablePrefix) {
        try {
            Optional<Parsed> result = parsed.getAndSet(CompletableFuture.completedFuture(Optional.empty()))
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            if (result.isEmpty()) {
                return Optional.empty();
            }
            Parsed done = result.get();
            if (!done.databaseType().equals(databaseType) || !done.tablePrefix().equals(tablePrefix)) {
                log.info("Camunda's mappings were prefetched for database type '{}' and table prefix '{}', the engine uses '{}' "
                        + "and '{}': parsed again", done.databaseType(), done.tablePrefix(), databaseType, tablePrefix);
                return Optional.empty();
            }
            return Optional.of(done.configuration());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    /**
     * The parse of {@code ProcessEngineConfigurationImpl.initSqlSessionFactory}, without the parts that
     * need the engine (environment, statement timeout, executor type): the same mapping file, the same
     * properties ({@code prefix} and Camunda's own per-database ones).
     */
    static Optional<Parsed> parse(String databaseType, String tablePrefix, ClassLoader loader) {
        long start = System.nanoTime();
        try (InputStream mappings = loader.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE)) {
            if (mappings == null) {
                return Optional.empty();
            }
            Reader reader = new InputStreamReader(mappings, StandardCharsets.UTF_8);
            Properties properties = new Properties();
            properties.put("prefix", tablePrefix);
            ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, tablePrefix, databaseType);
            Configuration configuration = new XMLConfigBuilder(reader, "", properties).parse();
            log.debug("Camunda's mappings prefetched for {} in {} ms", databaseType, (System.nanoTime() - start) / 1_000_000);
            return Optional.of(new Parsed(databaseType, tablePrefix, configuration));
        } catch (RuntimeException | java.io.IOException | LinkageError e) {
            log.warn("Prefetching Camunda's mappings failed; the engine parses them itself", e);
            return Optional.empty();
        }
    }

    /**
     * The database type Camunda will use: {@code camunda.bpm.database.type} if set, otherwise the one
     * the JDBC URL names (Camunda detects it from the connection later; {@link #take} compares).
     */
    static Optional<String> databaseType(ConfigurableEnvironment environment) {
        String configured = property(environment, "camunda.bpm.database.type").trim();
        if (!configured.isEmpty()) {
            return Optional.of(configured);
        }
        String url = property(environment, "spring.datasource.url").trim().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of("h2");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of("postgres");
        }
        return Optional.empty();
    }

    /** A property that cannot be resolved (prod profile without DB_URL) is left for Spring to report. */
    private static String property(ConfigurableEnvironment environment, String key) {
        try {
            return environment.getProperty(key, "");
        } catch (IllegalArgumentException unresolvable) {
            return "";
        }
    }
}
