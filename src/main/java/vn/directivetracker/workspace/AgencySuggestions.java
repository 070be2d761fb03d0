package vn.directivetracker.workspace;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;

/**
 * Type-ahead of the agency inputs: codes, full and short names, and sets ("UBND các xã, phường"),
 * matched without diacritics ("so ngoai vu" finds "Sở Ngoại vụ"). Sets first: one set often stands
 * for a hundred agencies.
 */
@RestController
class AgencySuggestions {

    static final int LIMIT = 12;

    record Suggestion(String code, String name) {}

    private final AgencyRegistry registry;
    private final AgencySets sets;
    private final WorkspaceUser user;

    AgencySuggestions(AgencyRegistry registry, AgencySets sets, WorkspaceUser user) {
        this.registry = registry;
        this.sets = sets;
        this.user = user;
    }

    @GetMapping("/app/agencies/suggest")
    List<Suggestion> suggest(@RequestParam(defaultValue = "") String q) {
        user.requireCoordinator();
        String query = fold(q.length() > 100 ? q.substring(0, 100) : q);
        List<Suggestion> found = new ArrayList<>();
        if (query.length() < 2) {
            return found;
        }
        sets.all().stream()
                .filter(s -> fold(s.code()).startsWith(query) || fold(s.name()).contains(query))
                .forEach(found::add);
        for (Agency a : registry.all()) {
            if (found.size() >= LIMIT) {
                break;
            }
            if (fold(a.code()).startsWith(query) || fold(a.name()).contains(query) || fold(a.shortName()).contains(query)) {
                found.add(new Suggestion(a.code(), a.name()));
            }
        }
        return found.size() > LIMIT ? found.subList(0, LIMIT) : found;
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('đ', 'd'), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replaceAll("\\s+", " ").strip();
    }
}
