package vn.directivetracker.calendar;

import java.time.LocalDate;

/** A day that differs from the Monday–Friday rule: a day off, or a weekend day worked in exchange. */
public record Holiday(LocalDate date, DayType type, String name) {}
