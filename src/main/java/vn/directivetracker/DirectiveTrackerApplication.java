package vn.directivetracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DirectiveTrackerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectiveTrackerApplication.class, args);
    }
}
