package vn.directivetracker.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.identity.CamundaIdentity;

/**
 * The province's agencies: imported from data files into our tables and mirrored as Camunda groups
 * (one group for each agency's staff, one for its heads). Import is an upsert: re-importing the
 * same file changes nothing; a larger file (all 135 communes) adds the new units.
 */
@Service
public class AgencyRegistry {

    private final AgencyRepository agencies;
    private final CamundaIdentity identity;

    public AgencyRegistry(AgencyRepository agencies, CamundaIdentity identity) {
        this.agencies = agencies;
        this.identity = identity;
    }

    @Transactional
    public int importRegistry(Resource agencyFile, Resource setFile) {
        List<Agency> imported = read(agencyFile, AgencyRegistryCsv::readAgencies);
        List<AgencySet> sets = read(setFile, AgencyRegistryCsv::readSets);
        List<CamundaIdentity.GroupSpec> groups = new ArrayList<>();
        for (Agency agency : imported) {
            agencies.upsert(agency);
            groups.add(new CamundaIdentity.GroupSpec(agency.code(), agency.shortName(), CamundaIdentity.TYPE_AGENCY));
            groups.add(new CamundaIdentity.GroupSpec(agency.headGroupId(), "Lãnh đạo " + agency.shortName(),
                    CamundaIdentity.TYPE_AGENCY_HEADS));
        }
        identity.ensureGroups(groups);
        List<Agency> active = agencies.findAllActive();
        for (AgencySet set : sets) {
            Set<String> members = new LinkedHashSet<>();
            active.stream().filter(a -> set.kinds().contains(a.kind())).forEach(a -> members.add(a.code()));
            for (String member : set.members()) {
                if (agencies.find(member).isEmpty()) {
                    throw new InvalidRegistryException(setFile.getDescription() + ": nhóm " + set.code()
                            + " có thành viên không tồn tại: " + member);
                }
                members.add(member);
            }
            // Unchanged sets are left alone: rewriting ~150 member rows per set at every start was most
            // of the registry step on a second start (issue 11).
            if (!agencies.setUnchanged(set.code(), set.name(), members)) {
                agencies.replaceSet(set.code(), set.name(), members);
            }
        }
        return imported.size();
    }

    /**
     * Expands agency and set codes into the distinct agency codes they name, in the order given.
     *
     * @throws UnknownAgencyException naming the first code that is neither
     */
    public List<String> expand(List<String> codes) {
        // Two queries for the whole list, then one per set: a letter names up to ~150 agencies one by
        // one, and two look-ups per code were a measurable part of issuing it (issue 11, ADR 28).
        Set<String> sets = agencies.setsAmong(codes);
        java.util.Map<String, Agency> named = byCodes(codes.stream().filter(c -> !sets.contains(c)).toList());
        Set<String> result = new LinkedHashSet<>();
        for (String code : codes) {
            if (sets.contains(code)) {
                result.addAll(agencies.membersOfSet(code));
            } else {
                Agency agency = named.get(code);
                if (agency == null || !agency.active()) {
                    throw new UnknownAgencyException(code);
                }
                result.add(agency.code());
            }
        }
        return List.copyOf(result);
    }

    public List<String> expand(String code) {
        if (agencies.isSet(code)) {
            return agencies.membersOfSet(code);
        }
        return agencies.find(code)
                .filter(Agency::active)
                .map(a -> List.of(a.code()))
                .orElseThrow(() -> new UnknownAgencyException(code));
    }

    public boolean isKnown(String code) {
        return agencies.isSet(code) || isActiveAgency(code);
    }

    /** An agency (not a set) that can receive work. */
    public boolean isActiveAgency(String code) {
        return agencies.find(code).filter(Agency::active).isPresent();
    }

    public Agency get(String code) {
        return agencies.find(code).orElseThrow(() -> new UnknownAgencyException(code));
    }

    /** Display name of an agency or set code, for documents and emails. */
    public String displayName(String code) {
        return agencies.setName(code).orElseGet(() -> get(code).name());
    }

    public java.util.Map<String, Agency> byCodes(java.util.Collection<String> codes) {
        java.util.Map<String, Agency> map = new java.util.HashMap<>();
        agencies.findAll(codes).forEach(a -> map.put(a.code(), a));
        return map;
    }

    public List<Agency> all() {
        return agencies.findAllActive();
    }

    private interface Reader<T> {
        List<T> read(InputStream in, String source) throws IOException;
    }

    private static <T> List<T> read(Resource resource, Reader<T> reader) {
        try (InputStream in = resource.getInputStream()) {
            return reader.read(in, resource.getFilename());
        } catch (IOException e) {
            throw new UncheckedIOException("Không đọc được " + resource.getDescription(), e);
        }
    }
}
