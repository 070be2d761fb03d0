package vn.directivetracker.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * ADR 34: the mappings parsed ahead of the engine are the ones Camunda's own
 * {@code initSqlSessionFactory} parses, for each database the application runs on; they are taken
 * only for the database type and table prefix they were parsed for.
 */
class EngineMappingsPrefetchTest {

    private static final ClassLoader LOADER = ProcessEngineConfigurationImpl.class.getClassLoader();

    @Test
    void prefetchedMappingsAreTheOnesCamundaParses() {
        for (String databaseType : List.of("h2", "postgres")) {
            Configuration prefetched = EngineMappingsPrefetch.parse(databaseType, "", LOADER).orElseThrow().configuration();
            Configuration camundas = CamundaParse.of(databaseType, "");

            Map<String, String> ours = statements(prefetched);
            Map<String, String> theirs = statements(camundas);
            assertThat(ours.size()).as(databaseType + ": statements").isGreaterThan(500);
            assertThat(differences(ours, theirs)).as(databaseType + ": statements that differ").isEmpty();
            assertThat(differences(resultMaps(prefetched), resultMaps(camundas))).as(databaseType + ": result maps that differ")
                    .isEmpty();
            assertThat(resultMaps(prefetched).size()).as(databaseType + ": result maps").isGreaterThan(50);
        }
    }

    @Test
    void theDatabaseTypeShapesTheMappings() {
        // The comparison above would also pass if the type were ignored: it is not.
        Map<String, String> h2 = statements(EngineMappingsPrefetch.parse("h2", "", LOADER).orElseThrow().configuration());
        Map<String, String> postgres = statements(EngineMappingsPrefetch.parse("postgres", "", LOADER).orElseThrow().configuration());
        assertThat(h2.keySet()).isEqualTo(postgres.keySet());
        assertThat(differences(h2, postgres)).isNotEmpty();
    }

    @Test
    void takenOnlyForTheDatabaseTypeAndPrefixItWasParsedFor() {
        assertThat(EngineMappingsPrefetch.start("postgres", "").take("h2", "")).isEmpty();
        assertThat(EngineMappingsPrefetch.start("h2", "").take("h2", "CAMUNDA_")).isEmpty();
        EngineMappingsPrefetch prefetch = EngineMappingsPrefetch.start("h2", "");
        Optional<Configuration> matching = prefetch.take("h2", "");
        assertThat(matching).isPresent();
        assertThat(matching.get().getMappedStatementNames()).contains("selectJob", "insertExecution");
        assertThat(prefetch.take("h2", "")).as("handed over once").isEmpty();
    }

    @Test
    void anUnknownDatabaseTypeYieldsNothingToTake() {
        assertThat(EngineMappingsPrefetch.start("no-such-database", "").take("no-such-database", "")).isEmpty();
    }

    @Test
    void theDatabaseTypeComesFromCamundasSettingOrTheJdbcUrl() {
        assertThat(EngineMappingsPrefetch.databaseType(environment("jdbc:h2:file:./data/directive-tracker", null))).contains("h2");
        assertThat(EngineMappingsPrefetch.databaseType(environment("jdbc:postgresql://db:5432/tracker", null))).contains("postgres");
        assertThat(EngineMappingsPrefetch.databaseType(environment("jdbc:postgresql://db:5432/tracker", "h2"))).contains("h2");
        assertThat(EngineMappingsPrefetch.databaseType(environment("jdbc:oracle:thin:@db:1521/x", null))).isEmpty();
        assertThat(EngineMappingsPrefetch.databaseType(new MockEnvironment())).isEmpty();
        // The prod profile without DB_URL: Spring reports the missing variable later, as before.
        assertThat(EngineMappingsPrefetch.databaseType(environment("${DB_URL}", null))).isEmpty();
    }

    /** The names whose entries differ or exist on one side only. */
    private static java.util.Set<String> differences(Map<String, String> left, Map<String, String> right) {
        java.util.Set<String> names = new java.util.TreeSet<>(left.keySet());
        names.addAll(right.keySet());
        names.removeIf(name -> java.util.Objects.equals(left.get(name), right.get(name)));
        return names;
    }

    private static MockEnvironment environment(String url, String camundaType) {
        MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", url);
        return camundaType == null ? environment : environment.withProperty("camunda.bpm.database.type", camundaType);
    }

    /** Each statement with what MyBatis made of it: kind, result maps, and its SQL when that is fixed. */
    private static Map<String, String> statements(Configuration configuration) {
        Map<String, String> statements = new TreeMap<>();
        for (String name : configuration.getMappedStatementNames()) {
            MappedStatement statement = configuration.getMappedStatement(name, false);
            String sql = statement.getSqlSource() instanceof org.apache.ibatis.scripting.defaults.RawSqlSource raw
                    ? raw.getBoundSql(null).getSql().replaceAll("\\s+", " ")
                    : statement.getSqlSource().getClass().getSimpleName();
            statements.put(statement.getId(), statement.getSqlCommandType() + " " + statement.getStatementType() + " "
                    + statement.getResultMaps().stream().map(ResultMap::getId).toList() + " " + sql);
        }
        return statements;
    }

    private static Map<String, String> resultMaps(Configuration configuration) {
        Map<String, String> maps = new TreeMap<>();
        for (String name : configuration.getResultMapNames()) {
            // MyBatis lists each map under its full name and its short one; short ones may be ambiguous.
            if (name.contains(".")) {
                ResultMap map = configuration.getResultMap(name);
                maps.put(map.getId(), map.getType() + " " + map.getMappedColumns());
            }
        }
        return maps;
    }

    /** Camunda's own parse, as its engine configuration runs it. */
    private static final class CamundaParse extends StandaloneInMemProcessEngineConfiguration {

        static Configuration of(String databaseType, String tablePrefix) {
            CamundaParse parse = new CamundaParse();
            parse.databaseType = databaseType;
            parse.databaseTablePrefix = tablePrefix;
            parse.dataSource = new JdbcDataSource();
            parse.transactionFactory = new JdbcTransactionFactory();
            parse.initSqlSessionFactory();
            return parse.sqlSessionFactory.getConfiguration();
        }
    }
}
