package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** ADR 23: a letter's assignment ids in even chunks of at most the configured size, every id once, in order. */
class DirectiveAssignmentsChunksTest {

    @Test
    void chunksAreEvenAtMostTheSizeAndKeepEveryIdOnceInOrder() {
        List<Long> ids = LongStream.rangeClosed(101, 270).boxed().toList(); // a 170-assignment letter
        List<String> chunks = DirectiveAssignments.chunks(ids, 20);
        assertThat(chunks).hasSize(9);
        assertThat(chunks).extracting(c -> c.split(",").length).containsExactly(19, 19, 19, 19, 19, 19, 19, 19, 18);
        assertThat(String.join(",", chunks)).isEqualTo(String.join(",", ids.stream().map(String::valueOf).toList()));
        assertThat(DirectiveAssignments.chunks(ids.subList(0, 40), 20)).extracting(c -> c.split(",").length).containsExactly(20, 20);
        assertThat(DirectiveAssignments.chunks(ids.subList(0, 41), 20)).extracting(c -> c.split(",").length).containsExactly(14, 14, 13);
        assertThat(DirectiveAssignments.chunks(List.of(7L), 20)).containsExactly("7");
        assertThat(DirectiveAssignments.chunks(List.of(), 20)).isEmpty();
        assertThat(DirectiveAssignments.chunks(ids.subList(0, 3), 1)).containsExactly("101", "102", "103");
    }
}
