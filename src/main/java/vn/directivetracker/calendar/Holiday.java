package vn.directivetracker.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A day that differs from the Monday–Friday rule: a day off, or a weekend day worked in exchange.
 * {@code provisional} marks a day of a year whose plan is not announced yet ("dự kiến"): counted like
 * any other, but shown as an estimate wherever holidays are listed.
 */
public record Holiday(LocalDate date, DayType type, String name, boolean provisional) {

    /** What users read beside the day. */
    public static final String PROVISIONAL_LABEL = "dự kiến";

    public Holiday(LocalDate date, DayType type, String name) {
        this(date, type, name, false);
    }

    @JsonProperty
    public String status() {
        return provisional ? PROVISIONAL_LABEL : "chính thức";
    }
}
