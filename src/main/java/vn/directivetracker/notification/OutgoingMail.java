package vn.directivetracker.notification;

/** One rendered email to one address, with the records it concerns. */
record OutgoingMail(
        String eventType, String recipient, String subject, String text, String html, Long directiveId, Long assignmentId) {

    String recipientOrEmpty() {
        return recipient == null ? "" : recipient;
    }
}
