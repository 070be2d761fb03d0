package vn.directivetracker.calendar;

/** An entry of the holiday calendar: a day off, or a weekend day worked in exchange for one. */
public enum DayType {
    OFF,
    WORKDAY
}
