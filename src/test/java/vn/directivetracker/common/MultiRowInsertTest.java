package vn.directivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link MultiRowInsert}: every row, in order, across statements of at most 500 rows; nulls kept. */
class MultiRowInsertTest {

    private JdbcClient jdbc;

    @BeforeEach
    void table() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:multi-row-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        jdbc.sql("create table t (id int primary key, name varchar(20), due date)").update();
    }

    @Test
    void insertsEveryRowAcrossSeveralStatements() {
        int count = 2 * MultiRowInsert.ROWS_PER_STATEMENT + 1;
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {i, "r" + i, i % 2 == 0 ? null : LocalDate.of(2026, 12, 1).plusDays(i)});
        }

        assertThat(MultiRowInsert.insert(jdbc, "insert into t (id, name, due)", rows)).isEqualTo(count);

        assertThat(jdbc.sql("select count(*) from t").query(Integer.class).single()).isEqualTo(count);
        assertThat(jdbc.sql("select count(*) from t where due is null").query(Integer.class).single()).isEqualTo(count / 2 + 1);
        assertThat(jdbc.sql("select name || ' ' || due from t where id = ?").param(count - 2).query(String.class).single())
                .isEqualTo("r" + (count - 2) + " " + LocalDate.of(2026, 12, 1).plusDays(count - 2));
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedBeforeItsStatementRuns() {
        List<Object[]> rows = List.of(new Object[] {1, "a", null}, new Object[] {2, "b"});

        assertThatThrownBy(() -> MultiRowInsert.insert(jdbc, "insert into t (id, name, due)", rows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Row 1 has 2 values, not 3");
        assertThat(jdbc.sql("select count(*) from t").query(Integer.class).single()).isZero();
    }
}
