package vn.directivetracker.letter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.directive.DocumentType;
import vn.directivetracker.directive.Urgency;
import vn.directivetracker.letter.LetterLines.Line;
import vn.directivetracker.letter.LetterProposal.Mention;
import vn.directivetracker.letter.LetterProposal.Span;
import vn.directivetracker.letter.LetterProposal.Warning;

/**
 * Reads an official letter (Nghị định 30/2020 layout) into a proposed directive with deterministic
 * rules: no network, no model, the same proposal for the same text and registry. Every proposed
 * value points at the words it came from ({@link LetterProposal#sources()}); what the rules could
 * not resolve becomes a warning, never a silent guess (ADR 0011).
 */
public class LetterParser {

    static final int MAX_CHARACTERS = 1_048_576;

    private static final Pattern NUMBER = Pattern.compile("(?:^|\\s)so\\s*:\\s*([0-9]*)[\\s.…]*/\\s*([\\p{L}0-9][\\p{L}0-9/\\-]*)");
    private static final Pattern DATE_LINE = Pattern.compile(
            "ngay\\s*([0-9]{1,2})?[\\s.…]*thang\\s*([0-9]{1,2})?[\\s.…]*nam\\s+([0-9]{4})");
    private static final Pattern PLACE = Pattern.compile("((?:\\p{Lu}[\\p{Ll}][\\p{L}\\-]*\\s+)*\\p{Lu}[\\p{Ll}][\\p{L}\\-]*)\\s*,\\s*$");
    static final Pattern ROMAN = Pattern.compile("^((?:X|IX|IV|V?I{0,3}|VI{1,3}))\\.\\s+(?=\\S)");
    static final Pattern ARABIC = Pattern.compile("^(\\d{1,2})\\.(?!\\d)\\s*(?=\\p{L})");
    static final Pattern SUBNUMBER = Pattern.compile("^(\\d{1,2}\\.\\d{1,2})\\.?\\s+(?=\\p{L})");
    static final Pattern LETTER = Pattern.compile("^([a-zđ])\\)\\s*(?=\\S)");
    static final Pattern BULLET = Pattern.compile("^[-+•–]\\s*(?=\\S)");
    private static final Pattern AUTHORITY = Pattern.compile("^(?:TM|KT|TL|TUQ|Q|UQ)\\.\\s*\\S.*");
    private static final Pattern HEADING = Pattern.compile("^(ke hoach|chi thi|thong bao|quyet dinh|cong van)$");
    private static final Pattern BASIS = Pattern.compile("^(thuc hien|can cu|theo de nghi|trien khai|thuc thi|tiep theo)(?![\\p{L}])");
    private static final Pattern SYMBOL_KIND = Pattern.compile("(?:^|[/\\-])(KH|CT|TB|QĐ|QD)(?:-|$)");
    private static final Pattern ISSUER_FIELD = Pattern.compile("^(?:UBND|VP)-([\\p{Lu}0-9]+)$");

    private final Supplier<AgencyNames> directory;

    /** @param directory the registry's names at the moment of parsing (agencies change over time) */
    public LetterParser(Supplier<AgencyNames> directory) {
        this.directory = directory;
    }

    /**
     * Proposes a directive from a letter's text.
     *
     * @throws LetterRejectedException when the text is empty, too long, or nothing in it looks like
     *     an official letter (no number, date, "Kính gửi", subject or heading)
     */
    public LetterProposal parse(String letter) {
        // after normalising: a paste of non-breaking spaces is as empty as one of spaces
        if (letter == null || VietnameseText.normalize(letter).isBlank()) {
            throw new LetterRejectedException(400, "Chưa có nội dung văn bản: dán toàn văn công văn, kế hoạch, chỉ thị hoặc thông báo");
        }
        if (letter.length() > MAX_CHARACTERS) {
            throw new LetterRejectedException(413, "Văn bản quá dài (tối đa " + MAX_CHARACTERS + " ký tự)");
        }
        return new Reading(VietnameseText.normalize(letter), directory.get()).read();
    }

    /** One parse: the letter, its folded twin, and what has been read so far. */
    static final class Reading {

        private final String text;
        private final String folded;
        private final List<Line> lines;
        private final AgencyNames names;
        private final List<AgencyNames.Found> found;
        private final List<Warning> warnings = new ArrayList<>();
        private final Map<String, Span> sources = new LinkedHashMap<>();
        private final List<Mention> mentions = new ArrayList<>();

        Reading(String text, AgencyNames names) {
            this.text = text;
            this.folded = VietnameseText.fold(text);
            this.lines = LetterLines.of(text, folded);
            this.names = names;
            this.found = names.find(folded);
        }

        LetterProposal read() {
            int noiNhan = firstLine(0, l -> l.startsWith("noi nhan"));
            int kinhGui = firstLine(0, l -> l.startsWith("kinh gui"));
            int heading = firstLine(0, l -> HEADING.matcher(l.folded().replaceAll("\\s+", " ")).matches());
            if (heading >= 0 && kinhGui >= 0 && heading > kinhGui) {
                heading = -1; // a "KẾ HOẠCH" line inside the body is not the document's heading
            }
            int signer = firstLine(noiNhan >= 0 ? noiNhan : 0, l -> AUTHORITY.matcher(l.text()).matches());
            if (signer >= 0 && noiNhan < 0) {
                signer = firstLine(Math.max(0, lines.size() - 40), l -> AUTHORITY.matcher(l.text()).matches());
            }
            int footer = noiNhan >= 0 ? noiNhan : signer >= 0 ? signer : lines.size();
            int headerLimit = kinhGui >= 0 ? kinhGui : heading >= 0 ? heading + 1 : Math.min(lines.size(), 15);

            String issuingBody = issuingBody();
            String[] number = number(headerLimit);
            LocalDate issueDate = issueDateAndPlace(headerLimit);
            DocumentType type = type(number, heading);
            String fieldCode = fieldCode(number, type);
            Urgency urgency = urgency(headerLimit);
            int[] subjectLines = subject(heading, kinhGui, footer);
            int bodyStart = Math.max(subjectLines[1], kinhGui >= 0 ? recipientsEnd(kinhGui, footer) : 0);
            List<String> recipients = kinhGui >= 0 ? recipients(kinhGui, bodyStart) : List.of();
            if (number == null && issueDate == null && kinhGui < 0 && heading < 0 && subjectLines[0] < 0) {
                throw new LetterRejectedException(400, "Không nhận ra văn bản hành chính: không thấy số, ký hiệu, ngày tháng, "
                        + "trích yếu (V/v) hay \"Kính gửi\". Hãy dán hoặc tải lên toàn văn công văn, kế hoạch, chỉ thị hoặc thông báo");
            }
            Body body = new Body(bodyStart, footer);
            String legalBasis = legalBasis(body);
            String closing = closing(body);
            List<DirectiveRequest.Item> items = new ItemReader(this, body, issueDate).items();
            List<String> copyTo = new ArrayList<>();
            String archive = copyTo(noiNhan, signer, copyTo);
            DirectiveRequest.Signer signerBlock = signer(signer);
            Set<Integer> recorded = new java.util.HashSet<>();
            mentions.forEach(m -> recorded.add(m.start()));
            found.stream().filter(f -> !recorded.contains(f.start())).forEach(f -> mention(f.start(), f.end(), f.code(), "MENTION", null));
            mentions.sort(java.util.Comparator.comparingInt(Mention::start));

            DirectiveRequest request = new DirectiveRequest(type, fieldCode, subjectText(subjectLines), legalBasis, place,
                    urgency, signerBlock, recipients, copyTo, archive, closing, null, items);
            int assignments = items.stream()
                    .mapToInt(i -> new LinkedHashSet<>(expandAll(i.leadAgencies(), i.coordinating())).size())
                    .sum();
            LetterProposal.Letter letter = new LetterProposal.Letter(issuingBody,
                    number == null ? null : number[0], number == null ? null : number[1], issueDate, assignments,
                    List.copyOf(mentions));
            return new LetterProposal(request, letter, List.copyOf(warnings), sources);
        }

        private List<String> expandAll(List<String> leads, List<String> coordinating) {
            List<String> all = new ArrayList<>();
            leads.forEach(c -> all.addAll(names.expand(c)));
            coordinating.forEach(c -> all.addAll(names.expand(c)));
            return all;
        }

        // ---------------------------------------------------------------- header

        private String issuingBody() {
            StringBuilder body = new StringBuilder();
            int start = -1;
            int end = -1;
            for (Line line : lines) {
                if (line.blank()) {
                    if (body.length() > 0) {
                        break;
                    }
                    continue;
                }
                String t = line.text();
                int republic = line.folded().indexOf("cong hoa xa hoi");
                if (republic == 0) {
                    if (body.length() > 0) {
                        break;
                    }
                    continue;
                }
                if (republic > 0) {
                    t = t.substring(0, republic).strip();
                }
                if (t.isEmpty() || !t.equals(t.toUpperCase()) || line.startsWith("so") && line.folded().contains(":")) {
                    break;
                }
                if (start < 0) {
                    start = line.start();
                }
                end = line.start() + t.length();
                body.append(body.length() > 0 ? " " : "").append(t);
            }
            if (body.length() == 0) {
                return null;
            }
            source("/letter/issuingBody", start, end);
            return VietnameseText.collapse(body.toString());
        }

        private String[] number(int headerLimit) {
            for (Line line : lines.subList(0, Math.min(headerLimit + 1, lines.size()))) {
                Matcher m = NUMBER.matcher(line.folded());
                if (m.find()) {
                    String symbol = line.text().substring(m.start(2), m.end(2)).toUpperCase();
                    String number = m.group(1).isEmpty() ? null : m.group(1);
                    source("/letter/symbol", line.start() + m.start(2), line.start() + m.end(2));
                    if (number != null) {
                        source("/letter/number", line.start() + m.start(1), line.start() + m.end(1));
                    } else {
                        warn("Số văn bản để trống: văn thư cấp số khi ban hành", line.start() + m.start(), line.start() + m.end());
                    }
                    return new String[] {number, symbol};
                }
            }
            return null;
        }

        private String place;

        private LocalDate issueDateAndPlace(int headerLimit) {
            for (Line line : lines.subList(0, Math.min(headerLimit + 1, lines.size()))) {
                Matcher m = DATE_LINE.matcher(line.folded());
                if (!m.find()) {
                    continue;
                }
                Matcher p = PLACE.matcher(line.text().substring(0, m.start()));
                if (p.find()) {
                    place = p.group(1);
                    source("/place", line.start() + p.start(1), line.start() + p.end(1));
                }
                int start = line.start() + m.start();
                int end = line.start() + m.end();
                if (m.group(1) == null || m.group(2) == null) {
                    warn("Ngày ban hành để trống: điền khi ban hành", start, end);
                    return null;
                }
                try {
                    LocalDate date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                    source("/letter/issueDate", start, end);
                    return date;
                } catch (DateTimeException e) {
                    warn("Ngày ban hành không hợp lệ", start, end);
                    return null;
                }
            }
            return null;
        }

        private DocumentType type(String[] number, int heading) {
            DocumentType bySymbol = null;
            if (number != null) {
                Matcher kind = SYMBOL_KIND.matcher(number[1]);
                bySymbol = kind.find() ? kind(kind.group(1)) : ISSUER_FIELD.matcher(number[1]).matches() ? DocumentType.CONG_VAN : null;
            }
            DocumentType byHeading = heading < 0 ? null : switch (lines.get(heading).folded().replaceAll("\\s+", " ")) {
                case "ke hoach" -> DocumentType.KE_HOACH;
                case "chi thi" -> DocumentType.CHI_THI;
                case "thong bao" -> DocumentType.THONG_BAO;
                case "quyet dinh" -> DocumentType.QUYET_DINH;
                default -> DocumentType.CONG_VAN;
            };
            if (bySymbol != null && byHeading != null && bySymbol != byHeading) {
                warn("Ký hiệu (" + bySymbol.label() + ") và tên loại văn bản (" + byHeading.label() + ") không khớp: đề xuất theo tên loại",
                        lines.get(heading).start(), lines.get(heading).end());
            }
            DocumentType type = byHeading != null ? byHeading : bySymbol;
            if (type == null) {
                warn("Không xác định được loại văn bản: chọn loại", 0, 0);
            } else if (byHeading != null) {
                source("/type", lines.get(heading).start(), lines.get(heading).end());
            } else {
                sources.put("/type", sources.get("/letter/symbol"));
            }
            return type;
        }

        private static DocumentType kind(String abbreviation) {
            return switch (abbreviation) {
                case "KH" -> DocumentType.KE_HOACH;
                case "CT" -> DocumentType.CHI_THI;
                case "TB" -> DocumentType.THONG_BAO;
                default -> DocumentType.QUYET_DINH;
            };
        }

        private String fieldCode(String[] number, DocumentType type) {
            if (number != null) {
                Matcher m = ISSUER_FIELD.matcher(number[1]);
                if (m.matches()) {
                    Span symbol = sources.get("/letter/symbol");
                    int at = symbol.start() + m.start(1);
                    source("/fieldCode", at, at + m.group(1).length());
                    return m.group(1).replace('Đ', 'D');
                }
            }
            if (type != null && type != DocumentType.CONG_VAN) {
                Span symbol = sources.get("/letter/symbol");
                warn("Ký hiệu " + (number == null ? "" : number[1]) + " không có mã lĩnh vực (chỉ công văn có): chọn mã lĩnh vực",
                        symbol == null ? 0 : symbol.start(), symbol == null ? 0 : symbol.end());
            }
            return null;
        }

        private Urgency urgency(int headerLimit) {
            for (Line line : lines.subList(0, Math.min(headerLimit + 1, lines.size()))) {
                String f = line.folded().replaceAll("\\s+", " ");
                Urgency u = switch (f) {
                    case "hoa toc" -> Urgency.HOA_TOC;
                    case "thuong khan" -> Urgency.THUONG_KHAN;
                    case "khan" -> Urgency.KHAN;
                    default -> null;
                };
                if (u != null) {
                    source("/urgency", line.start(), line.end());
                    return u;
                }
            }
            return Urgency.NORMAL;
        }

        /** [first line, line after] of the subject: "V/v …" of a công văn, or the line(s) under the heading. */
        private int[] subject(int heading, int kinhGui, int footer) {
            int limit = kinhGui >= 0 ? kinhGui : footer;
            int first = -1;
            if (heading >= 0) {
                first = nextNonBlank(heading + 1, limit);
            } else {
                first = firstLine(0, l -> l.startsWith("v/v") || l.startsWith("ve viec"));
                if (first >= limit) {
                    first = -1;
                }
            }
            if (first < 0) {
                return new int[] {-1, heading >= 0 ? heading + 1 : 0};
            }
            boolean upper = isUpper(lines.get(first).text());
            int last = first;
            for (int i = first + 1; i < limit; i++) {
                Line line = lines.get(i);
                if (line.blank()) {
                    continue;
                }
                boolean continues = upper ? isUpper(line.text()) && !line.startsWith("kinh gui")
                        : Character.isLowerCase(line.text().codePointAt(0)) || Character.isDigit(line.text().charAt(0)) && !ARABIC.matcher(line.text()).find();
                if (!continues || DATE_LINE.matcher(line.folded()).find() && !upper) {
                    break;
                }
                last = i;
            }
            return new int[] {first, last + 1};
        }

        private String subjectText(int[] subjectLines) {
            if (subjectLines[0] < 0) {
                warn("Không tìm thấy trích yếu (V/v … hoặc dòng dưới tên loại văn bản): nhập trích yếu", 0, 0);
                return null;
            }
            StringBuilder s = new StringBuilder();
            int start = lines.get(subjectLines[0]).start();
            int end = start;
            for (int i = subjectLines[0]; i < subjectLines[1]; i++) {
                Line line = lines.get(i);
                String t = line.text();
                if (i == subjectLines[0]) {
                    // the V/v sits in the left column; a PDF may put the place and date on the same line
                    Matcher date = DATE_LINE.matcher(line.folded());
                    if (date.find() && line.startsWith("v/v")) {
                        Matcher place = PLACE.matcher(t.substring(0, date.start()));
                        t = (place.find() ? t.substring(0, place.start()) : t.substring(0, date.start())).strip();
                    }
                }
                if (!t.isEmpty()) {
                    s.append(s.length() > 0 ? " " : "").append(t);
                    end = line.start() + t.length();
                }
            }
            source("/subject", start, end);
            return VietnameseText.collapse(s.toString());
        }

        private int recipientsEnd(int kinhGui, int footer) {
            int last = kinhGui;
            for (int i = kinhGui + 1; i < footer; i++) {
                Line line = lines.get(i);
                if (line.blank()) {
                    continue;
                }
                if (!BULLET.matcher(line.text()).find()) {
                    break;
                }
                last = i;
            }
            return last + 1;
        }

        private List<String> recipients(int kinhGui, int end) {
            Set<String> codes = new LinkedHashSet<>();
            List<int[]> entries = new ArrayList<>();
            Line first = lines.get(kinhGui);
            int colon = first.text().indexOf(':');
            if (colon >= 0 && colon + 1 < first.text().length()) {
                entries.add(trimEntry(first.start() + colon + 1, first.end()));
            }
            for (int i = kinhGui + 1; i < end; i++) {
                Line line = lines.get(i);
                if (!line.blank()) {
                    entries.add(trimEntry(line.start(), line.end()));
                }
            }
            for (int[] e : entries) {
                if (e[1] <= e[0]) {
                    continue;
                }
                List<AgencyNames.Found> inside = foundIn(e[0], e[1]);
                if (inside.isEmpty()) {
                    mention(e[0], e[1], null, "RECIPIENT", null);
                    warn("Nơi nhận (Kính gửi) \"" + text.substring(e[0], e[1]) + "\" không có trong danh mục đơn vị: chọn đơn vị hoặc nhóm đơn vị",
                            e[0], e[1]);
                    continue;
                }
                for (AgencyNames.Found f : inside) {
                    mention(f.start(), f.end(), f.code(), "RECIPIENT", null);
                    if (codes.add(f.code())) {
                        source("/recipients/" + (codes.size() - 1), f.start(), f.end());
                    }
                }
            }
            return List.copyOf(codes);
        }

        /** A list entry without its bullet and its closing ";" or ".". */
        private int[] trimEntry(int start, int end) {
            Matcher bullet = BULLET.matcher(text.substring(start, end));
            if (bullet.find()) {
                start += bullet.end();
            }
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && ";.,".indexOf(text.charAt(end - 1)) >= 0 || end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return new int[] {start, end};
        }

        // ---------------------------------------------------------------- body

        /** The lines between the header (subject or Kính gửi) and the footer (Nơi nhận or signer). */
        final class Body {
            final int from;
            int to;
            int basisEnd;
            int closingStart;

            Body(int from, int to) {
                this.from = from;
                this.to = to;
                this.basisEnd = from;
                this.closingStart = to;
            }

            List<Line> lines() {
                return Reading.this.lines.subList(from, closingStart);
            }
        }

        boolean isLabel(Line line) {
            String t = line.text();
            return ROMAN.matcher(t).find() && !t.startsWith(".") || ARABIC.matcher(t).find() || SUBNUMBER.matcher(t).find()
                    || LETTER.matcher(t).find();
        }

        private String legalBasis(Body body) {
            int first = nextNonBlank(body.from, body.to);
            if (first < 0) {
                return null;
            }
            int firstLabel = firstLine(body.from, this::isLabel);
            int limit = firstLabel >= 0 && firstLabel < body.to ? firstLabel : body.to;
            int basis = -1;
            for (int i = first; i < limit; i++) {
                if (BASIS.matcher(lines.get(i).folded()).find() || i > first && lines.get(i).folded().matches("^(can cu|thuc hien) .*")) {
                    basis = i;
                    break;
                }
            }
            if (basis < 0) {
                return null;
            }
            if (firstLabel < 0 || firstLabel >= body.to) {
                // no numbered items: the basis is the first paragraph, the task the rest
                limit = paragraphEnd(basis, body.to);
            }
            body.basisEnd = limit;
            return joined("/legalBasis", basis, limit);
        }

        private int paragraphEnd(int from, int to) {
            for (int i = from; i < to; i++) {
                String t = lines.get(i).text();
                if (t.endsWith(":") || t.endsWith(";") && i + 1 < to && lines.get(i + 1).text().isEmpty()) {
                    return i + 1;
                }
                if (t.endsWith(".") && i + 1 < to && startsSentence(i + 1, to)) {
                    return i + 1;
                }
            }
            return to;
        }

        private boolean startsSentence(int index, int to) {
            int next = nextNonBlank(index, to);
            return next >= 0 && Character.isUpperCase(lines.get(next).text().codePointAt(0));
        }

        /** The closing paragraph ("Nhận được văn bản, … thực hiện./.") after the last item. */
        private String closing(Body body) {
            int lastLabel = -1;
            for (int i = body.from; i < body.to; i++) {
                if (isLabel(lines.get(i))) {
                    lastLabel = i;
                }
            }
            int end = body.to;
            while (end > body.from && lines.get(end - 1).blank()) {
                end--;
            }
            if (end <= body.from || !lines.get(end - 1).text().matches(".*\\.?\\s*/\\s*\\.\\s*$")) {
                return null;
            }
            int from = Math.max(lastLabel + 1, body.basisEnd);
            for (int i = end - 1; i >= from; i--) {
                Line line = lines.get(i);
                if (line.blank() || BULLET.matcher(line.text()).find()) {
                    continue;
                }
                int previous = i - 1;
                while (previous >= body.from && lines.get(previous).blank()) {
                    previous--;
                }
                boolean sentenceBefore = previous < body.from || lines.get(previous).text().matches(".*[.;:]$");
                if (Character.isUpperCase(line.text().codePointAt(0)) && sentenceBefore) {
                    if (i == lastLabel || lastLabel < 0 && i == nextNonBlank(body.basisEnd, body.to)) {
                        return null; // the only paragraph of a letter without items is its task, not its closing
                    }
                    body.closingStart = i;
                    return joined("/closingText", i, end);
                }
            }
            return null;
        }

        // ---------------------------------------------------------------- footer

        private String copyTo(int noiNhan, int signer, List<String> copyTo) {
            if (noiNhan < 0) {
                return null;
            }
            String archive = null;
            int end = lines.size();
            for (int i = noiNhan; i < end; i++) {
                Line line = lines.get(i);
                String t = line.text();
                int from = line.start();
                if (i == noiNhan) {
                    int colon = t.indexOf(':');
                    t = colon >= 0 ? t.substring(colon + 1) : "";
                    from = line.start() + (colon + 1);
                }
                Matcher authority = Pattern.compile("\\s(?:TM|KT|TL|TUQ)\\.\\s").matcher(t);
                if (authority.find()) {
                    t = t.substring(0, authority.start()); // a PDF puts the signer's column on the same line
                }
                if (i > noiNhan && (AUTHORITY.matcher(line.text()).matches() || isUpper(line.text()))) {
                    continue; // the signer's column, interleaved by a PDF
                }
                if (t.isBlank()) {
                    continue;
                }
                int[] e = trimEntry(from, from + t.stripTrailing().length());
                if (e[1] <= e[0]) {
                    continue;
                }
                String entry = text.substring(e[0], e[1]);
                if (VietnameseText.fold(entry).startsWith("luu")) {
                    int colon = entry.indexOf(':');
                    archive = VietnameseText.collapse(entry.substring(colon + 1));
                    source("/archiveCodes", e[0] + colon + 1 + (entry.length() - colon - 1 - entry.substring(colon + 1).stripLeading().length()), e[1]);
                    break;
                }
                source("/copyTo/" + copyTo.size(), e[0], e[1]);
                copyTo.add(VietnameseText.collapse(entry));
                for (AgencyNames.Found f : foundIn(e[0], e[1])) {
                    mention(f.start(), f.end(), f.code(), "COPY_TO", null);
                }
            }
            return archive;
        }

        private DirectiveRequest.Signer signer(int first) {
            if (first < 0) {
                warn("Không tìm thấy khối chữ ký (TM./KT. …, chức vụ, họ tên): nhập người ký", 0, 0);
                return null;
            }
            List<Line> authority = new ArrayList<>();
            int i = first;
            while (i < lines.size() && (AUTHORITY.matcher(lines.get(i).text()).matches() || copyToColumn(lines.get(i)))) {
                if (!copyToColumn(lines.get(i))) {
                    authority.add(lines.get(i));
                }
                i++;
            }
            while (i < lines.size() && copyToColumn(lines.get(i))) {
                i++;
            }
            Line title = i < lines.size() && isUpper(lines.get(i).text()) ? lines.get(i) : null;
            if (title == null && authority.size() > 1) {
                // "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH": the last line is the title when nothing follows in capitals
                title = authority.remove(authority.size() - 1);
            }
            Line name = null;
            for (int j = title == null ? i : title.index() + 1; j < lines.size(); j++) {
                Line line = lines.get(j);
                String f = line.folded();
                if (copyToColumn(line) || f.matches("^\\(?(da ky|ky ten|ky, ghi ro ho ten|dau)\\)?.*") || isUpper(line.text())) {
                    continue;
                }
                name = line;
                break;
            }
            if (authority.isEmpty() || title == null || name == null) {
                warn("Khối chữ ký chưa đủ (thẩm quyền, chức vụ, họ tên): kiểm tra người ký", lines.get(first).start(), lines.get(first).end());
            }
            StringBuilder a = new StringBuilder();
            for (Line line : authority) {
                a.append(a.length() > 0 ? "\n" : "").append(line.text());
            }
            if (!authority.isEmpty()) {
                source("/signer/authority", authority.get(0).start(), authority.get(authority.size() - 1).end());
            }
            if (title != null) {
                source("/signer/title", title.start(), title.end());
            }
            if (name != null) {
                source("/signer/name", name.start(), name.end());
            }
            return new DirectiveRequest.Signer(a.length() == 0 ? null : a.toString(), title == null ? null : title.text(),
                    name == null ? null : name.text());
        }

        // ---------------------------------------------------------------- helpers

        /** Blank, or a line of the copy-to column that a PDF interleaves with the signer's. */
        private boolean copyToColumn(Line line) {
            return line.blank() || BULLET.matcher(line.text()).find() || line.startsWith("noi nhan") || line.startsWith("luu");
        }

        String joined(String pointer, int fromLine, int toLine) {
            StringBuilder s = new StringBuilder();
            int start = -1;
            int end = -1;
            for (int i = fromLine; i < toLine; i++) {
                Line line = lines.get(i);
                if (line.blank()) {
                    continue;
                }
                if (start < 0) {
                    start = line.start();
                }
                end = line.end();
                s.append(s.length() > 0 ? " " : "").append(line.text());
            }
            if (start < 0) {
                return null;
            }
            if (pointer != null) {
                source(pointer, start, end);
            }
            return VietnameseText.collapse(s.toString());
        }

        List<AgencyNames.Found> foundIn(int start, int end) {
            return found.stream().filter(f -> f.start() >= start && f.end() <= end).toList();
        }

        int firstLine(int from, java.util.function.Predicate<Line> test) {
            for (int i = Math.max(0, from); i < lines.size(); i++) {
                if (test.test(lines.get(i))) {
                    return i;
                }
            }
            return -1;
        }

        int nextNonBlank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!lines.get(i).blank()) {
                    return i;
                }
            }
            return -1;
        }

        static boolean isUpper(String s) {
            return s.chars().anyMatch(Character::isLetter) && s.equals(s.toUpperCase());
        }

        void source(String pointer, int start, int end) {
            sources.put(pointer, new Span(start, end, text.substring(start, end)));
        }

        void warn(String message, int start, int end) {
            warnings.add(new Warning(message, end > start ? text.substring(start, end) : null,
                    end > start ? start : null, end > start ? end : null));
        }

        void mention(int start, int end, String code, String role, String item) {
            mentions.add(new Mention(VietnameseText.collapse(text.substring(start, end)), start, end, code, role, item));
        }

        String text() {
            return text;
        }

        String folded() {
            return folded;
        }

        List<Line> lines() {
            return lines;
        }

        AgencyNames names() {
            return names;
        }

        List<AgencyNames.Found> found() {
            return found;
        }
    }
}
