package vn.directivetracker.letter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class LetterConfig {

    /** The Java API the workspace calls: {@code letterParser.parse(text)}. */
    @Bean
    LetterParser letterParser(RegistryAgencyNames names) {
        return new LetterParser(names);
    }
}
