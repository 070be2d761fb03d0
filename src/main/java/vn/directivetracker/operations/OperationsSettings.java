package vn.directivetracker.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Health thresholds ({@code directive-tracker.operations.*}, ADR 13).
 *
 * @param jobBacklogDownThreshold the job executor's health is DOWN when more jobs than this are due and
 *                                not yet done (0: never on backlog alone; the figure is always reported)
 */
@ConfigurationProperties("directive-tracker.operations")
public record OperationsSettings(@DefaultValue("0") long jobBacklogDownThreshold) {}
