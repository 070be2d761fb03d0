package vn.directivetracker.letter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyKind;

/**
 * Finds the registry's agencies and agency sets in a letter's folded text: full and short names,
 * "UBND"/"Ủy ban nhân dân", commas or dashes inside names, line wraps, the group phrases letters
 * use for sets ("các sở, ban, ngành", "UBND các xã, phường") and "các Sở: Tài chính, Xây dựng".
 * Leftmost, then longest match wins ("phường Quy Nhơn Đông" is not "phường Quy Nhơn").
 */
final class AgencyNames {

    /** A named set of the registry with the agencies it expands to. */
    record NamedSet(String code, String name, List<String> members) {}

    /** One name found in the folded text: [start, end) and the agency or set code it names. */
    record Found(int start, int end, String code) {}

    /**
     * Phrases letters use for the registry's sets, beyond the set's own name. Only phrases whose set
     * exists in the registry are used, so a province without such a set gets a warning instead.
     */
    private static final Map<String, List<String>> SET_PHRASES = Map.of(
            "ALL_AGENCIES", List.of("các sở, ban, ngành, địa phương, đơn vị", "các sở, ngành, địa phương, đơn vị",
                    "các sở, ban, ngành, địa phương", "các sở, ngành, địa phương", "các sở, ban, ngành, đơn vị, địa phương",
                    "các sở, ngành, đơn vị, địa phương", "các cơ quan, đơn vị, địa phương", "các sở, ban, ngành và địa phương",
                    "các sở, ngành và địa phương"),
            "ALL_DEPARTMENTS", List.of("các sở, ban, ngành thuộc tỉnh", "các sở, ban, ngành tỉnh", "các sở, ban, ngành",
                    "các sở, ngành", "các sở, ngành tỉnh", "các sở, ngành thuộc tỉnh"),
            "ALL_COMMUNES", List.of("UBND các xã, phường", "UBND các phường, xã", "các xã, phường", "các phường, xã",
                    "UBND cấp xã", "Ủy ban nhân dân cấp xã"));

    private static final String SEPARATOR = "(?:\\s*[,&\\-]\\s*|\\s+)";
    private static final Pattern LIST_OF_DEPARTMENTS = Pattern.compile("cac so\\s*:?\\s*");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("(?:\\s*,\\s*|\\s+va\\s+)");

    private final Map<String, List<Alias>> byFirstWord = new HashMap<>();
    private final Map<String, List<Alias>> departmentTails = new HashMap<>();
    private final Map<String, List<String>> setMembers = new LinkedHashMap<>();
    private final Map<String, String> names = new HashMap<>();

    private record Alias(String code, Pattern pattern) {}

    AgencyNames(Collection<Agency> agencies, Collection<NamedSet> sets) {
        for (Agency a : agencies) {
            names.put(a.code(), a.name());
            add(byFirstWord, a.name(), a.code());
            add(byFirstWord, a.shortName(), a.code());
            if ((a.kind() == AgencyKind.WARD || a.kind() == AgencyKind.COMMUNE) && a.name().startsWith("UBND ")) {
                add(byFirstWord, a.name().substring(5), a.code()); // "phường Quy Nhơn" without "UBND"
            }
            if (a.name().startsWith("Sở ")) {
                add(departmentTails, a.name().substring(3), a.code());
            }
        }
        for (NamedSet set : sets) {
            names.put(set.code(), set.name());
            setMembers.put(set.code(), List.copyOf(set.members()));
            add(byFirstWord, set.name(), set.code());
            SET_PHRASES.getOrDefault(set.code(), List.of()).forEach(phrase -> add(byFirstWord, phrase, set.code()));
        }
        Comparator<Alias> longestFirst = Comparator.comparingInt((Alias alias) -> alias.pattern().pattern().length()).reversed();
        byFirstWord.values().forEach(list -> list.sort(longestFirst));
        departmentTails.values().forEach(list -> list.sort(longestFirst));
    }

    boolean isSet(String code) {
        return setMembers.containsKey(code);
    }

    /** The agencies a code names: itself, or a set's members. */
    List<String> expand(String code) {
        return setMembers.getOrDefault(code, List.of(code));
    }

    String name(String code) {
        return names.get(code);
    }

    /** Every registry name in the folded text, left to right, none overlapping. */
    List<Found> find(String folded) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            if (!wordStart(folded, i)) {
                i++;
                continue;
            }
            List<Found> here = departmentList(folded, i);
            if (here.isEmpty()) {
                Found longest = longest(byFirstWord, folded, i);
                if (longest != null) {
                    here = List.of(longest);
                }
            }
            if (here.isEmpty()) {
                i++;
            } else {
                found.addAll(here);
                i = here.get(here.size() - 1).end();
            }
        }
        return found;
    }

    /** "các Sở: Tài chính, Xây dựng và Nội vụ" names three departments without repeating "Sở". */
    private List<Found> departmentList(String folded, int at) {
        Matcher intro = LIST_OF_DEPARTMENTS.matcher(folded).region(at, folded.length());
        if (!intro.lookingAt()) {
            return List.of();
        }
        List<Found> list = new ArrayList<>();
        int position = intro.end();
        while (true) {
            Found tail = longest(departmentTails, folded, position);
            if (tail == null) {
                break;
            }
            list.add(tail);
            Matcher next = LIST_SEPARATOR.matcher(folded).region(tail.end(), folded.length());
            if (!next.lookingAt()) {
                break;
            }
            position = next.end();
        }
        return list.size() >= 2 ? list : List.of();
    }

    private static Found longest(Map<String, List<Alias>> index, String folded, int at) {
        int wordEnd = at;
        while (wordEnd < folded.length() && Character.isLetterOrDigit(folded.charAt(wordEnd))) {
            wordEnd++;
        }
        List<Alias> candidates = index.get(folded.substring(at, wordEnd));
        if (candidates == null) {
            return null;
        }
        Found best = null;
        for (Alias alias : candidates) {
            Matcher m = alias.pattern().matcher(folded).region(at, folded.length());
            m.useTransparentBounds(true);
            if (m.lookingAt() && (best == null || m.end() > best.end())) {
                best = new Found(at, m.end(), alias.code());
            }
        }
        return best;
    }

    private static boolean wordStart(String folded, int i) {
        return Character.isLetterOrDigit(folded.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1)));
    }

    private static void add(Map<String, List<Alias>> index, String name, String code) {
        String[] words = key(name).split(" ");
        StringBuilder regex = new StringBuilder();
        for (int w = 0; w < words.length; w++) {
            if (w > 0) {
                regex.append(SEPARATOR);
            }
            regex.append(words[w].equals("ubnd") ? "(?:ubnd|uy\\s+ban\\s+nhan\\s+dan)" : Pattern.quote(words[w]));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        Alias alias = new Alias(code, Pattern.compile(regex.toString()));
        index.computeIfAbsent(words[0].replaceAll("[^\\p{L}\\p{N}].*", ""), k -> new ArrayList<>()).add(alias);
        if (words[0].equals("ubnd")) {
            index.computeIfAbsent("uy", k -> new ArrayList<>()).add(alias);
        }
    }

    /** Folded, separators as spaces, "ủy ban nhân dân" as "ubnd": one key for every spelling. */
    static String key(String name) {
        String s = VietnameseText.fold(VietnameseText.normalize(name)).replaceAll("[,&\\-]", " ");
        return VietnameseText.collapse(s).replace("uy ban nhan dan", "ubnd");
    }
}
