package vn.directivetracker.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.directive.DocumentType;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.directive.Urgency;

/**
 * The new-directive form as the browser posts it: text as typed (agency codes comma-separated, dates
 * dd/mm/yyyy, copy-to one per line). {@link #toRequest} turns it into the body of
 * {@code POST /api/directives}, collecting what cannot be read as field errors.
 */
public class DirectiveForm {

    public static final String DATE = "DATE";
    public static final String DAYS = "DAYS";
    public static final String ONGOING = "ONGOING";

    private Long draftId;
    /** Set when the form revises a returned draft (ReviseDraft) instead of creating a directive. */
    private Long directiveId;
    private String revisionNote;
    private String type = DocumentType.CONG_VAN.name();
    private String fieldCode;
    private String subject;
    private String legalBasis;
    private String place;
    private String urgency = Urgency.NORMAL.name();
    private String signerAuthority;
    private String signerTitle;
    private String signerName;
    private String recipients;
    private String copyTo;
    private String archiveCodes;
    private String closingText;
    private List<ItemForm> items = new ArrayList<>();

    public static class ItemForm {
        private String label;
        private String content;
        private String leadAgencies;
        private String coordinatingAgencies;
        private String deadlineKind = DATE;
        private String deadlineDate;
        private String workingDays;
        private String reportSchedule;

        public String getLabel() { return label; }
        public void setLabel(String label) { this.label = label; }
        public String getContent() { return content; }
        public void setContent(String content) { this.content = content; }
        public String getLeadAgencies() { return leadAgencies; }
        public void setLeadAgencies(String leadAgencies) { this.leadAgencies = leadAgencies; }
        public String getCoordinatingAgencies() { return coordinatingAgencies; }
        public void setCoordinatingAgencies(String coordinatingAgencies) { this.coordinatingAgencies = coordinatingAgencies; }
        public String getDeadlineKind() { return deadlineKind; }
        public void setDeadlineKind(String deadlineKind) { this.deadlineKind = deadlineKind; }
        public String getDeadlineDate() { return deadlineDate; }
        public void setDeadlineDate(String deadlineDate) { this.deadlineDate = deadlineDate; }
        public String getWorkingDays() { return workingDays; }
        public void setWorkingDays(String workingDays) { this.workingDays = workingDays; }
        public String getReportSchedule() { return reportSchedule; }
        public void setReportSchedule(String reportSchedule) { this.reportSchedule = reportSchedule; }
    }

    /** The form filled from a directive request (a parser's proposal). */
    static DirectiveForm of(DirectiveRequest request) {
        DirectiveForm form = new DirectiveForm();
        form.type = request.type() == null ? null : request.type().name();
        form.fieldCode = request.fieldCode();
        form.subject = request.subject();
        form.legalBasis = request.legalBasis();
        form.place = request.place();
        form.urgency = request.urgency() == null ? Urgency.NORMAL.name() : request.urgency().name();
        if (request.signer() != null) {
            form.signerAuthority = request.signer().authority();
            form.signerTitle = request.signer().title();
            form.signerName = request.signer().name();
        }
        form.recipients = request.recipients() == null ? "" : String.join(", ", request.recipients());
        form.copyTo = String.join("\n", request.copyToOrEmpty());
        form.archiveCodes = request.archiveCodes();
        form.closingText = request.closingText();
        if (request.items() != null) {
            for (DirectiveRequest.Item item : request.items()) {
                ItemForm f = new ItemForm();
                f.label = item.label();
                f.content = item.content();
                f.leadAgencies = item.leadAgencies() == null ? "" : String.join(", ", item.leadAgencies());
                f.coordinatingAgencies = String.join(", ", item.coordinating());
                f.deadlineKind = item.ongoing() ? ONGOING : item.deadlineWorkingDays() != null ? DAYS : DATE;
                f.deadlineDate = FormValues.format(item.deadline());
                f.workingDays = item.deadlineWorkingDays() == null ? "" : String.valueOf(item.deadlineWorkingDays());
                f.reportSchedule = item.reportSchedule() == null ? "" : item.reportSchedule().name();
                form.items.add(f);
            }
        }
        return form;
    }

    /**
     * The request this form stands for. Values that cannot be read (a date that is no date, an
     * unknown type) are left empty and reported in {@code errors} under the field's path.
     */
    DirectiveRequest toRequest(Map<String, String> errors) {
        List<DirectiveRequest.Item> requestItems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemForm f = items.get(i);
            String path = "items[" + i + "]";
            String kind = f.deadlineKind == null ? DATE : f.deadlineKind;
            java.time.LocalDate deadline = null;
            Integer days = null;
            if (DATE.equals(kind)) {
                try {
                    deadline = FormValues.date(f.deadlineDate);
                    if (deadline == null) {
                        errors.putIfAbsent(path + ".deadline", "Chưa có hạn xử lý (ngày/tháng/năm)");
                    }
                } catch (FormValues.BadDate bad) {
                    errors.putIfAbsent(path + ".deadline", bad.getMessage());
                }
            } else if (DAYS.equals(kind)) {
                try {
                    days = Integer.valueOf(f.workingDays == null ? "" : f.workingDays.strip());
                } catch (NumberFormatException notANumber) {
                    errors.putIfAbsent(path + ".deadline", "Số ngày làm việc phải là số nguyên dương");
                }
            }
            ReportSchedule schedule = ONGOING.equals(kind) ? enumOrNull(ReportSchedule.class, f.reportSchedule) : null;
            requestItems.add(new DirectiveRequest.Item(trim(f.label), trim(f.content), FormValues.codes(f.leadAgencies),
                    FormValues.codes(f.coordinatingAgencies), deadline, days, ONGOING.equals(kind), schedule));
        }
        DocumentType documentType = enumOrNull(DocumentType.class, type);
        if (type != null && !type.isBlank() && documentType == null) {
            errors.putIfAbsent("type", "Loại văn bản không hợp lệ");
        }
        return new DirectiveRequest(documentType, trim(fieldCode) == null ? null : trim(fieldCode).toUpperCase(java.util.Locale.ROOT),
                trim(subject), trim(legalBasis), trim(place), enumOrNull(Urgency.class, urgency),
                new DirectiveRequest.Signer(trim(signerAuthority), trim(signerTitle), trim(signerName)),
                FormValues.codes(recipients), FormValues.lines(copyTo), trim(archiveCodes), trim(closingText), null, requestItems);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    public Long getDirectiveId() { return directiveId; }
    public void setDirectiveId(Long directiveId) { this.directiveId = directiveId; }
    public String getRevisionNote() { return revisionNote; }
    public void setRevisionNote(String revisionNote) { this.revisionNote = revisionNote; }
    public Long getDraftId() { return draftId; }
    public void setDraftId(Long draftId) { this.draftId = draftId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getFieldCode() { return fieldCode; }
    public void setFieldCode(String fieldCode) { this.fieldCode = fieldCode; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public String getUrgency() { return urgency; }
    public void setUrgency(String urgency) { this.urgency = urgency; }
    public String getSignerAuthority() { return signerAuthority; }
    public void setSignerAuthority(String signerAuthority) { this.signerAuthority = signerAuthority; }
    public String getSignerTitle() { return signerTitle; }
    public void setSignerTitle(String signerTitle) { this.signerTitle = signerTitle; }
    public String getSignerName() { return signerName; }
    public void setSignerName(String signerName) { this.signerName = signerName; }
    public String getRecipients() { return recipients; }
    public void setRecipients(String recipients) { this.recipients = recipients; }
    public String getCopyTo() { return copyTo; }
    public void setCopyTo(String copyTo) { this.copyTo = copyTo; }
    public String getArchiveCodes() { return archiveCodes; }
    public void setArchiveCodes(String archiveCodes) { this.archiveCodes = archiveCodes; }
    public String getClosingText() { return closingText; }
    public void setClosingText(String closingText) { this.closingText = closingText; }
    public List<ItemForm> getItems() { return items; }
    public void setItems(List<ItemForm> items) { this.items = items; }
}
