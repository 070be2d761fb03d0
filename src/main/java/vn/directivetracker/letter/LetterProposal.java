package vn.directivetracker.letter;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import vn.directivetracker.directive.DirectiveRequest;

/**
 * What the parser read from a letter. In JSON the directive's fields sit at the top level, in the
 * shape of the body of {@code POST /api/directives}; {@code letter}, {@code warnings} and
 * {@code sources} are the only extra keys (drop them before posting: that endpoint refuses unknown
 * fields). {@code sources} maps a JSON pointer into this document ({@code /items/0/leadAgencies/1})
 * to the words of the letter the value came from.
 */
public record LetterProposal(
        @JsonUnwrapped DirectiveRequest directive,
        Letter letter,
        List<Warning> warnings,
        Map<String, Span> sources) {

    /** Facts of the letter that the directive does not carry as fields (assigned again at issuing). */
    public record Letter(
            String issuingBody,
            String number,
            String symbol,
            LocalDate issueDate,
            int assignmentCount,
            List<Mention> agencyMentions) {}

    /**
     * Offsets into the letter's text after Unicode NFC normalisation and with {@code \n} line ends
     * (a letter pasted as NFC text keeps its offsets), and the words themselves.
     */
    public record Span(int start, int end, String text) {}

    /** Something the coordinator must look at: the words concerned and why. */
    public record Warning(String message, String text, Integer start, Integer end) {}

    /**
     * A name of an agency or set as the letter wrote it. {@code code} is null when the registry has no
     * such agency (there is a warning for it then); {@code role} is LEAD, COORDINATING, RECIPIENT,
     * COPY_TO or MENTION (named, given no work); {@code item} is the label of the item it sits in.
     */
    public record Mention(String text, int start, int end, String code, String role, String item) {}
}
