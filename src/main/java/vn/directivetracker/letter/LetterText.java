package vn.directivetracker.letter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * The text of a letter as it arrives: UTF-8 text, a Word {@code .docx} or a PDF with a text layer.
 * The kind is recognised from the bytes (a file's name or declared type can lie); anything else,
 * including the old binary {@code .doc} and scanned PDFs, is refused with a Vietnamese message.
 */
public final class LetterText {

    /** What a caller declares it sends. */
    public enum Kind { TEXT, DOCX, PDF, ANY_FILE }

    private LetterText() {}

    public static String extract(byte[] content, Kind declared) {
        if (content.length == 0) {
            throw new LetterRejectedException(400, "Chưa có nội dung văn bản: dán toàn văn hoặc tải lên tệp .docx, .pdf");
        }
        boolean zip = startsWith(content, new byte[] {'P', 'K', 3, 4});
        boolean pdf = startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII));
        boolean oleDoc = startsWith(content, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
        return switch (declared) {
            case TEXT -> utf8(content);
            case DOCX -> docx(content, zip);
            case PDF -> pdf(content, pdf);
            case ANY_FILE -> zip ? docx(content, true) : pdf ? pdf(content, true) : oleDoc ? refuseDoc() : refuseUnknown();
        };
    }

    private static String refuseDoc() {
        throw new LetterRejectedException(415, "Tệp Word cũ (.doc) chưa được hỗ trợ: mở bằng Word và lưu thành .docx rồi tải lên lại");
    }

    private static String refuseUnknown() {
        throw new LetterRejectedException(415,
                "Không nhận dạng được tệp: chỉ nhận văn bản (text/plain; charset=UTF-8), tệp Word .docx hoặc PDF có lớp chữ");
    }

    /** Strict UTF-8: a binary file sent as text is refused rather than read as garbage. */
    static String utf8(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            long control = s.chars().filter(c -> c < 32 && c != '\n' && c != '\r' && c != '\t' && c != '\f').count();
            if (control > 0) {
                throw new LetterRejectedException(400, "Nội dung có ký tự điều khiển, không phải văn bản: dán chữ của văn bản, "
                        + "hoặc tải tệp .docx/.pdf lên dưới đúng loại tệp");
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new LetterRejectedException(400, "Nội dung không phải văn bản UTF-8 (có thể là tệp nhị phân): dán chữ của văn bản, "
                    + "hoặc tải tệp .docx/.pdf lên dưới đúng loại tệp");
        }
    }

    /** Paragraphs and table cells in document order: the header and signature blocks are tables. */
    static String docx(byte[] content, boolean zip) {
        if (!zip) {
            throw new LetterRejectedException(400, "Tệp không phải Word .docx hợp lệ");
        }
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            StringBuilder text = new StringBuilder();
            for (IBodyElement element : document.getBodyElements()) {
                append(element, text);
            }
            return requireText(text.toString(), "Tệp .docx không có chữ");
        } catch (IOException | RuntimeException e) {
            if (e instanceof LetterRejectedException rejected) {
                throw rejected;
            }
            throw new LetterRejectedException(400, "Tệp không phải Word .docx hợp lệ hoặc đã hỏng: mở bằng Word, lưu lại rồi tải lên");
        }
    }

    private static void append(IBodyElement element, StringBuilder text) {
        if (element instanceof XWPFParagraph paragraph) {
            text.append(paragraph.getText()).append('\n');
        } else if (element instanceof XWPFTable table) {
            for (XWPFTableRow row : table.getRows()) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    cell.getBodyElements().forEach(inner -> append(inner, text));
                }
            }
        }
    }

    static String pdf(byte[] content, boolean pdf) {
        if (!pdf) {
            throw new LetterRejectedException(400, "Tệp không phải PDF hợp lệ");
        }
        try (PDDocument document = Loader.loadPDF(content)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return requireText(stripper.getText(document),
                    "Tệp PDF không có lớp chữ (có thể là bản quét): cần bản PDF xuất từ Word, hoặc dán chữ của văn bản");
        } catch (InvalidPasswordException e) {
            throw new LetterRejectedException(400, "Tệp PDF có mật khẩu: cần bản không đặt mật khẩu");
        } catch (IOException e) {
            throw new LetterRejectedException(400, "Tệp PDF hỏng hoặc không đọc được");
        }
    }

    private static String requireText(String text, String message) {
        if (text.strip().isEmpty()) {
            throw new LetterRejectedException(400, message);
        }
        return text;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
