package vn.directivetracker.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many rows into one table with one {@code INSERT … VALUES (…), (…)} per up to {@value #ROWS_PER_STATEMENT}
 * rows: one round trip where a row-by-row insert made one per row (a letter's ~170 assignments and their
 * tally deltas; issue 11, ADR 30). Plain SQL that H2 and PostgreSQL both take; the limit keeps a
 * statement's parameters far below PostgreSQL's 65,535.
 */
public final class MultiRowInsert {

    static final int ROWS_PER_STATEMENT = 500;

    private MultiRowInsert() {}

    /**
     * @param insertInto {@code insert into table (col1, …, colN)}, without {@code values}
     * @param rows       each with exactly N values, in the columns' order
     * @return rows inserted
     */
    public static int insert(JdbcClient jdbc, String insertInto, List<Object[]> rows) {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            int columns = part.get(0).length;
            String row = "(" + "?, ".repeat(columns - 1) + "?)";
            StringBuilder sql = new StringBuilder(insertInto).append(" values ");
            List<Object> parameters = new ArrayList<>(part.size() * columns);
            for (int i = 0; i < part.size(); i++) {
                if (part.get(i).length != columns) {
                    throw new IllegalArgumentException("Row " + (from + i) + " has " + part.get(i).length + " values, not " + columns);
                }
                sql.append(i == 0 ? "" : ", ").append(row);
                parameters.addAll(java.util.Arrays.asList(part.get(i)));
            }
            inserted += jdbc.sql(sql.toString()).params(parameters).update();
        }
        return inserted;
    }
}
