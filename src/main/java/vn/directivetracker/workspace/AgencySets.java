package vn.directivetracker.workspace;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The named sets of agencies ("UBND các xã, phường", the steering committee) offered by the type-ahead. */
@Component
class AgencySets {

    private final JdbcClient jdbc;

    AgencySets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AgencySuggestions.Suggestion> all() {
        return jdbc.sql("select code, name from agency_set order by name")
                .query((rs, n) -> new AgencySuggestions.Suggestion(rs.getString(1), rs.getString(2)))
                .list();
    }
}
