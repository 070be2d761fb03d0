package vn.directivetracker.reporting;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The report-period opener runs on Spring's scheduler; tests disable it with opener-cron "-". */
@Configuration
@EnableScheduling
class SchedulingConfig {}
