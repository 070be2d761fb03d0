package vn.directivetracker.directive;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records office's register of outgoing documents: one series per document type (or per group
 * of types sharing one, {@link NumberingProperties}), numbers running from 01 each year without gaps
 * or repeats (Nghị định 30/2020/NĐ-CP, Điều 15). The row update locks the series' counter for the
 * year until the issuing transaction commits, so concurrent issuing on several nodes serialises
 * here, and a rolled-back issue gives its number back.
 */
@Component
class DocumentNumberSeries {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    DocumentNumberSeries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    int next(String series, int year) {
        if (increment(series, year) == 0) {
            createYear(series, year);
            increment(series, year);
        }
        return jdbc.sql("select last_number from document_number_counter where series_code = ? and series_year = ?")
                .params(series, year)
                .query(Integer.class)
                .single();
    }

    private int increment(String series, int year) {
        return jdbc.sql("update document_number_counter set last_number = last_number + 1 where series_code = ? and series_year = ?")
                .params(series, year)
                .update();
    }

    /** In its own transaction: on PostgreSQL a failed insert would abort the issuing transaction. */
    private void createYear(String series, int year) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into document_number_counter (series_code, series_year, last_number) values (?, ?, 0)")
                    .params(series, year)
                    .update());
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // The row exists now, which is all we need.
        }
    }
}
