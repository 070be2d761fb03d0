package vn.directivetracker.letter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencySet;
import vn.directivetracker.agency.RegistryFiles;

/** The registry of src/main/resources/data as the parser sees it, without a database. */
final class TestDirectory {

    private static final AgencyNames NAMES = build();

    private TestDirectory() {}

    static AgencyNames names() {
        return NAMES;
    }

    static LetterParser parser() {
        return new LetterParser(TestDirectory::names);
    }

    private static AgencyNames build() {
        List<Agency> agencies = RegistryFiles.agencies();
        List<AgencyNames.NamedSet> sets = RegistryFiles.sets().stream().map(set -> {
            Set<String> members = new LinkedHashSet<>();
            agencies.stream().filter(a -> set.kinds().contains(a.kind())).forEach(a -> members.add(a.code()));
            members.addAll(set.members());
            return new AgencyNames.NamedSet(set.code(), set.name(), List.copyOf(members));
        }).toList();
        return new AgencyNames(agencies, sets);
    }
}
