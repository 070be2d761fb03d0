package vn.directivetracker.letter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Files;
import java.nio.file.Path;

/** Prints the proposal for a letter file: a tool for writing a corpus letter's expected breakdown. */
public final class ParseDump {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
        for (String file : args) {
            System.out.println(json.writeValueAsString(TestDirectory.parser().parse(Files.readString(Path.of(file)))));
        }
    }
}
