package vn.directivetracker.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.support.Http11Answer;
import vn.directivetracker.support.IntegrationTest;

/**
 * POST /api/letters/parse through HTTP with the real registry: coordinators get the proposal,
 * everyone else 403 before the body is read, and every bad input a Vietnamese problem+json.
 */
class LetterApiTest extends IntegrationTest {

    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");

    @Autowired ObjectMapper mapper;
    @Autowired MeterRegistry meters;

    private ResponseEntity<String> post(String user, MediaType type, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return as(user).postForEntity("/api/letters/parse", new HttpEntity<>(body, headers), String.class);
    }

    /** A POST whose headers declare {@code length} bytes of body, none of which is sent; the answer as the server gave it. */
    private Http11Answer headersOnly(String user, String path, MediaType type, long length) throws IOException {
        URI root = URI.create(rest.getRootUri());
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort()
                    + "\r\nAuthorization: Basic " + basic + "\r\nContent-Type: " + type + "\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // Read by its framing: after its 413 the server may keep the connection open, waiting for the
            // declared body it will discard.
            return Http11Answer.read(new BufferedInputStream(socket.getInputStream()), true);
        }
    }

    private JsonNode json(ResponseEntity<String> response) throws IOException {
        return mapper.readTree(response.getBody());
    }

    private double parsedCount() {
        return meters.counter("directive_tracker.letters.parsed").count();
    }

    @Test
    void coordinatorGetsTheSeedLettersBreakdownWithSourcesAndWarnings() throws IOException {
        ResponseEntity<String> response = post("dieuphoi", TEXT, CorpusLetters.seedText().getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode proposal = json(response);
        assertThat(proposal.path("type").asText()).isEqualTo("CONG_VAN");
        assertThat(proposal.path("fieldCode").asText()).isEqualTo("KGVX");
        assertThat(proposal.path("items")).hasSize(3);
        assertThat(proposal.path("items").get(2).path("leadAgencies").toString()).isEqualTo("[\"SVHTTDL\"]");
        assertThat(proposal.path("letter").path("assignmentCount").asInt()).isEqualTo(163);
        assertThat(proposal.path("sources").path("/items/1/leadAgencies/0").path("text").asText()).isEqualTo("Công an tỉnh");
        assertThat(proposal.path("warnings").toString()).contains("Ban Tuyên giáo và Dân vận Tỉnh ủy");
    }

    @Test
    void theProposalPostsToTheDirectivesApiOnceTheExtraKeysAreDropped() throws IOException {
        JsonNode proposal = json(post("dieuphoi", TEXT, CorpusLetters.seedText().getBytes(StandardCharsets.UTF_8)));
        com.fasterxml.jackson.databind.node.ObjectNode body = proposal.deepCopy();
        body.remove(java.util.List.of("letter", "warnings", "sources"));

        ResponseEntity<String> created = as("dieuphoi").postForEntity("/api/directives", body, String.class);

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void officerIsRefusedBeforeTheLetterIsRead() throws IOException {
        double before = parsedCount();
        ResponseEntity<String> response = post("cbsngv", TEXT, CorpusLetters.seedText().getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Spring Security's path rule (issue 10) refuses before the controller reads the body.
        assertThat(json(response).path("detail").asText()).isNotBlank().doesNotContain("Exception");
        assertThat(response.getBody()).doesNotContain("leadAgencies");
        assertThat(parsedCount()).isEqualTo(before);
    }

    @Test
    void emptyBodyIsRefusedInVietnamese() throws IOException {
        ResponseEntity<String> response = post("dieuphoi", TEXT, new byte[0]);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json(response).path("detail").asText()).contains("Chưa có nội dung văn bản");
    }

    @Test
    void whiteSpaceOnlyIsRefusedAsEmpty() throws IOException {
        ResponseEntity<String> response = post("dieuphoi", TEXT, " \n\t \n".getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).path("detail").asText()).contains("Chưa có nội dung văn bản");
    }

    @Test
    void fiveMegabytePasteIsRefusedBeforeItIsRead() throws Exception {
        double before = parsedCount();

        // Only the headers are sent, declaring the 5 MB: the server must answer from the declared length alone.
        // Sending the body too (as RestTemplate does) raced the server closing the connection after its 413,
        // and the client now and then lost the answer ("chunked transfer encoding, state: READING_LENGTH",
        // 2026-12-04); the JDK client's "Expect: 100-continue" lost it every time.
        Http11Answer response = headersOnly("dieuphoi", "/api/letters/parse", TEXT, 5L * 1024 * 1024);

        assertThat(response.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE.value());
        assertThat(mapper.readTree(response.bodyText()).path("detail").asText()).contains("Nội dung quá lớn");
        assertThat(parsedCount()).isEqualTo(before);
    }

    @Test
    void binaryDataSentAsTextIsRefused() throws IOException {
        byte[] binary = new byte[4096];
        new Random(9).nextBytes(binary);

        ResponseEntity<String> response = post("dieuphoi", TEXT, binary);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).path("detail").asText()).contains("không phải văn bản");
    }

    @Test
    void unknownBinaryFileIsRefused() throws IOException {
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);

        ResponseEntity<String> response = post("dieuphoi", MediaType.APPLICATION_OCTET_STREAM, binary);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json(response).path("detail").asText()).contains("Không nhận dạng được tệp");
    }

    @Test
    void wrongContentTypeIsRefusedWith415() throws IOException {
        ResponseEntity<String> response = post("dieuphoi", MediaType.APPLICATION_JSON, "{\"text\":\"Số: 1/UBND-KGVX\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(json(response).path("detail").asText()).contains("Kiểu nội dung không được hỗ trợ");
    }

    @Test
    void docxLetterIsReadFromItsParagraphs() throws IOException {
        ResponseEntity<String> response = post("dieuphoi", LetterController.DOCX, docx(CorpusLetters.seedText()));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(json(response).path("letter").path("assignmentCount").asInt()).isEqualTo(163);
    }

    @Test
    void docxThatIsNotALetterIsRefused() throws IOException {
        ResponseEntity<String> response = post("dieuphoi", MediaType.APPLICATION_OCTET_STREAM,
                docx("Danh sách mua sắm\nBút bi: 20 hộp\nGiấy A4: 15 ram\nGhim kẹp: 4 hộp"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).path("detail").asText()).contains("Không nhận ra văn bản hành chính");
    }

    @Test
    void corruptDocxIsRefused() throws IOException {
        byte[] corrupt = Arrays.copyOf(docx(CorpusLetters.seedText()), 300);

        ResponseEntity<String> response = post("dieuphoi", LetterController.DOCX, corrupt);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).path("detail").asText()).contains(".docx");
    }

    @Test
    void textLayerPdfIsRead() throws IOException {
        ResponseEntity<String> response = post("dieuphoi", MediaType.APPLICATION_PDF, pdf(CorpusLetters.seedText()));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode proposal = json(response);
        assertThat(proposal.path("items")).hasSize(3);
        assertThat(proposal.path("letter").path("assignmentCount").asInt()).isEqualTo(163);
    }

    @Test
    void pdfWithoutTextLayerIsRefused() throws IOException {
        ResponseEntity<String> response = post("dieuphoi", MediaType.APPLICATION_PDF, pdf(""));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(response).path("detail").asText()).contains("không có lớp chữ");
    }

    static byte[] docx(String text) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : text.split("\n")) {
                document.createParagraph().createRun().setText(line);
            }
            document.write(out);
            return out.toByteArray();
        }
    }

    /** A PDF as Word exports it: real text in a Vietnamese-capable font, one line per line. */
    static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, new java.io.File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
            String[] lines = text.isEmpty() ? new String[0] : text.split("\n");
            int perPage = 60;
            for (int p = 0; p == 0 || p * perPage < lines.length; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    if (lines.length > 0) {
                        content.beginText();
                        content.setFont(font, 9);
                        content.setLeading(12);
                        content.newLineAtOffset(40, 760);
                        for (int i = p * perPage; i < Math.min(lines.length, (p + 1) * perPage); i++) {
                            content.showText(lines[i].strip());
                            content.newLine();
                        }
                        content.endText();
                    }
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
