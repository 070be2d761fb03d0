package vn.directivetracker.common;

import java.time.format.DateTimeFormatter;

/** How dates are written for Vietnamese readers (emails, documents, spreadsheets, task forms): one place. */
public final class VnFormats {

    /** 05/09/2025. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private VnFormats() {}
}
