package vn.directivetracker.letter;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;

/**
 * The registry's current agencies and sets, read for each parse (an import may have added
 * communes). Set names are read straight from the registry's table because the registry lists
 * agencies but not sets; members come through {@link AgencyRegistry#expand(String)}.
 */
@Component
class RegistryAgencyNames implements Supplier<AgencyNames> {

    private final AgencyRegistry registry;
    private final JdbcClient jdbc;

    RegistryAgencyNames(AgencyRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    @Override
    public AgencyNames get() {
        List<AgencyNames.NamedSet> sets = jdbc.sql("select code, name from agency_set order by code")
                .query((rs, row) -> new AgencyNames.NamedSet(rs.getString("code"), rs.getString("name"),
                        registry.expand(rs.getString("code"))))
                .list();
        return new AgencyNames(registry.all(), sets);
    }
}
