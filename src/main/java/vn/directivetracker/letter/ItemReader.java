package vn.directivetracker.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.letter.LetterLines.Line;

/**
 * The numbered items of a letter's body (I., II. → 1., 2. → 1.1. → a), b) → - bullets) and, for each
 * item that gives work, its lead and coordinating agencies and deadline. An item that names no lead
 * is split into its sub-items when they name leads ("1. a) Sở X …; b) Sở Y …"); an item that names
 * none at all (a purpose, a background paragraph) is not a task.
 */
final class ItemReader {

    private static final int ROMAN = 0;
    private static final int ARABIC = 1;
    private static final int SUBNUMBER = 2;
    private static final int LETTER = 3;
    private static final int BULLET = 4;

    /** One labelled block of lines: [line, end) with its sub-blocks starting at or after ownEnd. */
    private static final class Node {
        final int level;
        final String label;
        final int line;
        final int labelLength;
        int end;
        int ownEnd;
        final List<Node> children = new ArrayList<>();

        Node(int level, String label, int line, int labelLength) {
            this.level = level;
            this.label = label;
            this.line = line;
            this.labelLength = labelLength;
        }
    }

    private final LetterParser.Reading reading;
    private final LetterParser.Reading.Body body;
    private final LocalDate issueDate;
    private final List<Line> lines;
    private final List<DirectiveRequest.Item> items = new ArrayList<>();
    private final Set<Integer> mentioned = new LinkedHashSet<>();

    ItemReader(LetterParser.Reading reading, LetterParser.Reading.Body body, LocalDate issueDate) {
        this.reading = reading;
        this.body = body;
        this.issueDate = issueDate;
        this.lines = reading.lines();
    }

    List<DirectiveRequest.Item> items() {
        List<Node> top = outline(body.basisEnd, body.closingStart);
        if (top.isEmpty()) {
            int first = reading.nextNonBlank(body.basisEnd, body.closingStart);
            if (first >= 0) {
                Node whole = new Node(ARABIC, "1", first, 0);
                whole.end = body.closingStart;
                whole.ownEnd = body.closingStart;
                consider(whole, "1");
            }
        }
        for (Node node : top) {
            boolean sections = node.level == ROMAN && node.children.stream().anyMatch(c -> c.level == ARABIC);
            if (sections) {
                for (Node child : node.children) {
                    consider(child, node.label + "." + child.label);
                }
            } else {
                consider(node, node.label);
            }
        }
        return items;
    }

    private List<Node> outline(int from, int to) {
        List<Node> top = new ArrayList<>();
        List<Node> open = new ArrayList<>();
        boolean numbered = false;
        for (int i = from; i < to; i++) {
            if (!lines.get(i).blank() && level(lines.get(i)) != null && level(lines.get(i))[0] < BULLET) {
                numbered = true;
                break;
            }
        }
        for (int i = from; i < to; i++) {
            Line line = lines.get(i);
            if (line.blank()) {
                continue;
            }
            int[] level = level(line);
            if (level == null || level[0] == BULLET && open.isEmpty() && numbered) {
                continue;
            }
            String label = labelOf(line, level[0]);
            Node node = new Node(level[0], label, i, level[1]);
            while (!open.isEmpty() && open.get(open.size() - 1).level >= node.level) {
                open.remove(open.size() - 1);
            }
            if (open.isEmpty()) {
                top.add(node);
            } else {
                Node parent = open.get(open.size() - 1);
                parent.children.add(node);
            }
            open.add(node);
        }
        close(top, to);
        return top;
    }

    /** Sets where each node ends (the next sibling or the parent's end) and where its own words end. */
    private void close(List<Node> siblings, int to) {
        for (int k = 0; k < siblings.size(); k++) {
            Node node = siblings.get(k);
            node.end = k + 1 < siblings.size() ? siblings.get(k + 1).line : to;
            node.ownEnd = node.children.isEmpty() ? node.end : node.children.get(0).line;
            close(node.children, node.end);
        }
    }

    /** [level, label length] of a line that starts a block, or null. */
    private static int[] level(Line line) {
        String t = line.text();
        Matcher m;
        if ((m = LetterParser.ROMAN.matcher(t)).find() && m.group(1).length() > 0) {
            return new int[] {ROMAN, m.end()};
        }
        if ((m = LetterParser.SUBNUMBER.matcher(t)).find()) {
            return new int[] {SUBNUMBER, m.end()};
        }
        if ((m = LetterParser.ARABIC.matcher(t)).find()) {
            return new int[] {ARABIC, m.end()};
        }
        if ((m = LetterParser.LETTER.matcher(t)).find()) {
            return new int[] {LETTER, m.end()};
        }
        if ((m = LetterParser.BULLET.matcher(t)).find()) {
            return new int[] {BULLET, m.end()};
        }
        return null;
    }

    private String labelOf(Line line, int level) {
        String t = line.text();
        return switch (level) {
            case ROMAN -> t.substring(0, t.indexOf('.'));
            case ARABIC -> t.substring(0, t.indexOf('.'));
            case SUBNUMBER -> t.replaceFirst("^(\\d{1,2}\\.\\d{1,2}).*", "$1");
            case LETTER -> t.substring(0, 1);
            default -> "-";
        };
    }

    private void consider(Node node, String label) {
        int start = lines.get(node.line).start() + node.labelLength;
        int ownEnd = endOffset(node.ownEnd, node.line);
        int end = endOffset(node.end, node.line);
        List<AgencyRoles.Entry> roles = new AgencyRoles(reading.text(), reading.folded(), reading.found()).read(start, ownEnd, end);
        boolean leads = roles.stream().anyMatch(e -> e.role() == AgencyRoles.Role.LEAD);
        if (!leads) {
            List<Node> withLeads = new ArrayList<>();
            for (Node child : node.children) {
                int cs = lines.get(child.line).start() + child.labelLength;
                List<AgencyRoles.Entry> childRoles = new AgencyRoles(reading.text(), reading.folded(), reading.found())
                        .read(cs, endOffset(child.ownEnd, child.line), endOffset(child.end, child.line));
                if (childRoles.stream().anyMatch(e -> e.role() == AgencyRoles.Role.LEAD)) {
                    withLeads.add(child);
                }
            }
            if (!withLeads.isEmpty()) {
                int n = 0;
                for (Node child : node.children) {
                    n++;
                    if (withLeads.contains(child)) {
                        consider(child, label + "." + (child.level == BULLET ? String.valueOf(n) : child.label));
                    }
                }
                return;
            }
            DeadlineRules.Deadline deadline = DeadlineRules.read(reading.text(), reading.folded(), start, end, issueDate);
            if (deadline.stated() && deadline.span() != null && !deadline.ongoing()) {
                reading.warn("Mục " + label + " có thời hạn nhưng không nêu đơn vị chủ trì: chưa đưa vào nhiệm vụ", start, end);
            }
            record(roles, null);
            return;
        }
        int index = items.size();
        String pointer = "/items/" + index;
        reading.source(pointer, lines.get(node.line).start(), end);
        if (node.labelLength > 0) {
            reading.source(pointer + "/label", lines.get(node.line).start(),
                    lines.get(node.line).start() + reading.text().substring(lines.get(node.line).start(), start).stripTrailing().length());
        }
        reading.source(pointer + "/content", start, end);
        List<String> lead = codes(roles, AgencyRoles.Role.LEAD, pointer + "/leadAgencies", Set.of(), label);
        List<String> coordinating = codes(roles, AgencyRoles.Role.COORDINATING, pointer + "/coordinatingAgencies", Set.copyOf(lead), label);
        record(roles, label);
        DeadlineRules.Deadline deadline = DeadlineRules.read(reading.text(), reading.folded(), start, end, issueDate);
        for (String note : deadline.notes()) {
            reading.warn("Mục " + label + ": " + note, start, end);
        }
        if (deadline.span() != null) {
            String field = deadline.date() != null ? "/deadline" : deadline.workingDays() != null ? "/deadlineWorkingDays" : "/ongoing";
            reading.source(pointer + field, deadline.span()[0], deadline.span()[1]);
        }
        if (deadline.scheduleSpan() != null) {
            reading.source(pointer + "/reportSchedule", deadline.scheduleSpan()[0], deadline.scheduleSpan()[1]);
        }
        if (!deadline.stated()) {
            reading.warn("Mục " + label + " không nêu thời hạn: đề xuất thường xuyên (không thời hạn), cần kiểm tra", start, end);
        }
        items.add(new DirectiveRequest.Item(label, content(node, start, end), lead, coordinating, deadline.date(),
                deadline.workingDays(), deadline.ongoing(), deadline.schedule()));
    }

    private int endOffset(int lineIndex, int nodeLine) {
        int last = lineIndex - 1;
        while (last > nodeLine && lines.get(last).blank()) {
            last--;
        }
        return lines.get(last).end();
    }

    private List<String> codes(List<AgencyRoles.Entry> roles, AgencyRoles.Role role, String pointer, Set<String> exclude, String label) {
        List<String> codes = new ArrayList<>();
        for (AgencyRoles.Entry e : roles) {
            if (e.role() != role) {
                continue;
            }
            if (e.code() == null) {
                reading.warn("Mục " + label + ": \"" + VietnameseText.collapse(reading.text().substring(e.start(), e.end()))
                        + "\" (" + (role == AgencyRoles.Role.LEAD ? "chủ trì" : "phối hợp")
                        + ") không có trong danh mục đơn vị: chọn đơn vị hoặc bỏ qua", e.start(), e.end());
                continue;
            }
            if (!exclude.contains(e.code()) && !codes.contains(e.code())) {
                reading.source(pointer + "/" + codes.size(), e.start(), e.end());
                codes.add(e.code());
            }
        }
        return codes;
    }

    private void record(List<AgencyRoles.Entry> roles, String label) {
        for (AgencyRoles.Entry e : roles) {
            if (mentioned.add(e.start())) {
                reading.mention(e.start(), e.end(), e.code(), label == null && e.role() != AgencyRoles.Role.MENTION ? "MENTION" : e.role().name(), label);
            }
        }
    }

    /** The item's words without its label: wrapped lines joined, each sub-item on its own line. */
    private String content(Node node, int start, int end) {
        StringBuilder s = new StringBuilder();
        for (int i = node.line; i < node.end; i++) {
            Line line = lines.get(i);
            if (line.blank() || line.start() >= end) {
                continue;
            }
            String t = i == node.line ? reading.text().substring(start, Math.min(line.end(), end)) : line.text();
            boolean block = i > node.line && level(line) != null;
            if (s.length() > 0) {
                s.append(block ? "\n" : " ");
            }
            s.append(t.strip().replaceAll("[ \\t]+", " "));
        }
        return s.toString().strip().replaceFirst("\\s*/\\s*\\.$", "");
    }
}
