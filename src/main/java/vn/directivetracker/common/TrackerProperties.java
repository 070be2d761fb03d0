package vn.directivetracker.common;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Installation settings: who issues, where, and how users reach the application. */
@ConfigurationProperties("directive-tracker")
public record TrackerProperties(
        String issuingBody,
        String place,
        ZoneId timeZone,
        String baseUrl,
        Mail mail,
        Demo demo) {

    public record Mail(String from, String fromName) {}

    public record Demo(boolean enabled, boolean loadSeedDirective) {}
}
