package vn.directivetracker.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who an item gives work to, from the way official letters name agencies: a list heading the item
 * (followed by ":" or by its verb), "giao …", "… chủ trì", "phối hợp với …", "… phối hợp". Names
 * in other places are mentions without work ("báo cáo UBND tỉnh qua Sở Nội vụ"). A name in a
 * lead or coordinating place that the registry does not know is kept (code null) so the parser can
 * warn about it.
 */
final class AgencyRoles {

    enum Role { LEAD, COORDINATING, MENTION }

    /** One name in a list: a registry match (code) or an unknown name (code null). */
    record Entry(int start, int end, String code, Role role, boolean described) {}

    private static final Pattern TITLE = Pattern.compile(
            "(?:pho\\s+)?(?:giam doc|thu truong|chu tich|chanh van phong|chanh thanh tra|chi huy truong|tong bien tap|lanh dao|truong ban|nguoi dung dau)\\s+");
    private static final Pattern ITEM_INTRO = Pattern.compile("(?:giao(?:\\s+cho)?|de nghi|yeu cau)\\s+");
    private static final Pattern GIVE = Pattern.compile("(?<![\\p{L}])(?<!duoc )(?<!tuyen )(?<!ban )giao(?:\\s+cho)?\\s+");
    private static final Pattern COORDINATE = Pattern.compile(
            "(?<![\\p{L}])(?:phoi hop(?:\\s+chat che)?(?:\\s+(?:voi|cung))?|su phoi hop cua|cung voi)\\s+");
    private static final Pattern LEADS_AFTER = Pattern.compile(
            "\\s*,?\\s*(?:la\\s+|lam\\s+)?(?:co quan\\s+)?(?:chu tri|dau moi|thuong truc)(?!\\s+(?:cuoc hop|hoi nghi|buoi|phien|hop))");
    private static final Pattern COORDINATES_AFTER = Pattern.compile("\\s*,?\\s*(?:cung\\s+)?phoi hop(?!\\s+(?:voi|chat che|cung))");
    private static final Pattern HEAD = Pattern.compile(
            "(?:so|ban|bo|cong an|uy ban|ubnd|van phong|thanh tra|bao|dai|lien hiep|lien doan|hoi|tinh doan|dang uy|tinh uy"
                    + "|mat tran|kho bac|cuc|chi cuc|trung tam|truong|benh vien|cong ty|tong cong ty|ngan hang|bao hiem|quy|vien"
                    + "|toa an|hoi dong|doan|chi nhanh|hoc vien)(?![\\p{L}])");
    /** Heads that are whole names' first words only when followed by a capitalised word ("Hội Nông dân", not "hội nghị"). */
    private static final Pattern AMBIGUOUS_HEAD = Pattern.compile("(?:so|ban|bo|bao|dai|hoi|cuc|truong|quy|vien|doan)");
    private static final Pattern STOP = Pattern.compile(
            "(?:chu tri|phoi hop|thuc hien|to chuc|trien khai|thong nhat|tham muu|chu dong|khan truong|can cu|co trach nhiem"
                    + "|chiu trach nhiem|theo doi|huong dan|kiem tra|xay dung|bao cao|de xuat|ra soat|tang cuong|bao dam|dam bao"
                    + "|chi dao|tiep tuc|trong|de|ve|nham|theo|tai|lam|la|cung cap|tuyen truyen|xu ly|giai quyet|hoan thanh"
                    + "|tham dinh|trinh|kip thoi|chuan bi|lap|ban hanh|giam sat|cho|viec|nghien cuu|tong hop|duy tri|bam sat"
                    + "|nang cao|day manh|quan tam|danh gia|phat huy|va cac|cac|neu|khi|ngay|truoc|sau|tu|den|yeu cau|de nghi"
                    + "|co y kien|ve viec|thong bao|trao|tham gia|ho tro|tang|tham|van dong|phat dong|thuc thi)(?![\\p{L}])");
    /** "các Sở: Tài chính, Xây dựng": the names follow; AgencyNames found them without the prefix. */
    private static final Pattern DEPARTMENTS_PREFIX = Pattern.compile("cac so\\s*:?\\s*");
    /** The issuing committee itself is named everywhere ("báo cáo UBND tỉnh") and never receives work. */
    private static final Pattern ISSUER = Pattern.compile("(?:chu tich\\s+)?(?:ubnd|uy ban nhan dan)\\s+tinh");

    private final String text;
    private final String folded;
    private final List<AgencyNames.Found> found;
    private final List<Entry> entries = new ArrayList<>();
    private final boolean[] covered;

    AgencyRoles(String text, String folded, List<AgencyNames.Found> found) {
        this.text = text;
        this.folded = folded;
        this.found = found;
        this.covered = new boolean[folded.length() + 1];
    }

    /**
     * The roles of the names in one item. {@code ownEnd} ends the item's own words (before its
     * sub-items): only a list there heads the item.
     */
    List<Entry> read(int start, int ownEnd, int end) {
        entries.clear();
        int first = skipSpaces(start, end);
        Matcher intro = ITEM_INTRO.matcher(folded).region(first, end);
        int headStart = intro.lookingAt() ? intro.end() : first;
        List<Entry> heading = scan(headStart, ownEnd, true);
        if (!heading.isEmpty()) {
            assign(heading, Role.LEAD);
        }
        triggered(GIVE, start, end, Role.LEAD);
        triggered(COORDINATE, start, end, Role.COORDINATING);
        for (AgencyNames.Found f : found) {
            if (f.start() < start || f.end() > end || covered[f.start()]) {
                continue;
            }
            List<Entry> list = scan(f.start(), end, false);
            int after = list.isEmpty() ? f.end() : list.get(list.size() - 1).end();
            Role role = LEADS_AFTER.matcher(folded).region(after, end).lookingAt() ? Role.LEAD
                    : COORDINATES_AFTER.matcher(folded).region(after, end).lookingAt() ? Role.COORDINATING
                    : Role.MENTION;
            assign(list.isEmpty() ? List.of(new Entry(f.start(), f.end(), f.code(), role, false)) : list, role);
        }
        entries.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return List.copyOf(entries);
    }

    private void triggered(Pattern trigger, int start, int end, Role role) {
        Matcher m = trigger.matcher(folded).region(start, end);
        m.useTransparentBounds(true);
        while (m.find()) {
            if (covered[m.end()]) {
                continue;
            }
            List<Entry> list = scan(m.end(), end, true);
            assign(list, role);
        }
    }

    private void assign(List<Entry> list, Role role) {
        for (Entry e : list) {
            if (covered[e.start()]) {
                continue;
            }
            entries.add(new Entry(e.start(), e.end(), e.code(), e.described() ? Role.MENTION : role, e.described()));
            for (int i = e.start(); i < e.end(); i++) {
                covered[i] = true;
            }
        }
    }

    /**
     * The list of names starting at {@code position}: names separated by commas or "và", each
     * maybe after a title ("Giám đốc Sở …"), maybe followed by a parenthesis that describes them.
     */
    private List<Entry> scan(int position, int end, boolean unknownAllowed) {
        List<Entry> list = new ArrayList<>();
        int p = position;
        while (p < end) {
            p = skipSpaces(p, end);
            Matcher title = TITLE.matcher(folded).region(p, end);
            if (title.lookingAt()) {
                p = title.end();
            }
            Matcher departments = DEPARTMENTS_PREFIX.matcher(folded).region(p, end);
            if (departments.lookingAt() && foundAt(departments.end()) != null) {
                p = departments.end();
            }
            AgencyNames.Found known = foundAt(p);
            int nameEnd;
            if (known != null && known.end() <= end) {
                list.add(new Entry(known.start(), known.end(), known.code(), null, false));
                nameEnd = known.end();
            } else if (unknownAllowed && (nameEnd = unknownName(p, end)) > p) {
                list.add(new Entry(p, nameEnd, null, null, false));
            } else {
                break;
            }
            p = skipSpaces(nameEnd, end);
            if (p < end && folded.charAt(p) == '(') {
                int close = folded.indexOf(')', p);
                if (close > 0 && close < end) {
                    for (AgencyNames.Found f : found) {
                        if (f.start() > p && f.end() <= close) {
                            list.add(new Entry(f.start(), f.end(), f.code(), null, true));
                        }
                    }
                    p = skipSpaces(close + 1, end);
                }
            }
            if (p < end && folded.charAt(p) == ',') {
                p++;
            } else if (folded.startsWith("va ", p) || folded.startsWith("cung ", p)) {
                p = p + (folded.startsWith("va ", p) ? 3 : 5);
            } else {
                break;
            }
        }
        return list;
    }

    private AgencyNames.Found foundAt(int position) {
        for (AgencyNames.Found f : found) {
            if (f.start() == position) {
                return f;
            }
            if (f.start() > position) {
                return null;
            }
        }
        return null;
    }

    /** The end of an organisation's name the registry does not know, or {@code p} when none starts here. */
    private int unknownName(int p, int end) {
        Matcher head = HEAD.matcher(folded).region(p, end);
        if (!head.lookingAt() || !Character.isUpperCase(text.charAt(p))) {
            return p;
        }
        int afterHead = skipSpaces(head.end(), end);
        if (AMBIGUOUS_HEAD.matcher(head.group()).matches()
                && (afterHead >= end || !Character.isUpperCase(text.charAt(afterHead)))) {
            return p;
        }
        int q = head.end();
        int nameEnd = q;
        Matcher issuer = ISSUER.matcher(folded).region(p, end);
        if (issuer.lookingAt()) {
            return p;
        }
        for (int words = 0; words < 12 && q < end; words++) {
            q = skipSpaces(q, end);
            if (q >= end || ",;:.()".indexOf(folded.charAt(q)) >= 0) {
                break;
            }
            if (folded.startsWith("va ", q)) {
                int next = skipSpaces(q + 3, end);
                if (foundAt(next) != null || HEAD.matcher(folded).region(next, end).lookingAt() && Character.isUpperCase(text.charAt(next))) {
                    break; // "… và Sở X": a second name, not part of this one
                }
            } else if (STOP.matcher(folded).region(q, end).lookingAt()) {
                break;
            }
            while (q < end && !Character.isWhitespace(folded.charAt(q)) && ",;:.()".indexOf(folded.charAt(q)) < 0) {
                q++;
            }
            nameEnd = q;
        }
        return nameEnd;
    }

    private int skipSpaces(int p, int end) {
        while (p < end && Character.isWhitespace(folded.charAt(p))) {
            p++;
        }
        return p;
    }
}
