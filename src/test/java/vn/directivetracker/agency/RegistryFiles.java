package vn.directivetracker.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The registry's data files read the way the import reads them, for tests that need no database. */
public final class RegistryFiles {

    private RegistryFiles() {}

    public static List<Agency> agencies() {
        try (InputStream in = RegistryFiles.class.getResourceAsStream("/data/agencies.csv")) {
            return AgencyRegistryCsv.readAgencies(in, "agencies.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<AgencySet> sets() {
        try (InputStream in = RegistryFiles.class.getResourceAsStream("/data/agency-sets.csv")) {
            return AgencyRegistryCsv.readSets(in, "agency-sets.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
