package vn.directivetracker.directive;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The records office's register of outgoing documents: numbers run from 01 each year, without gaps
 * or repeats (Nghị định 30/2020/NĐ-CP). The row update locks the year's counter until the issuing
 * transaction commits, so concurrent issuing on several nodes serialises here, and a rolled-back
 * issue gives its number back.
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

    int next(int year) {
        if (increment(year) == 0) {
            createYear(year);
            increment(year);
        }
        return jdbc.sql("select last_number from document_number_series where series_year = ?")
                .param(year)
                .query(Integer.class)
                .single();
    }

    private int increment(int year) {
        return jdbc.sql("update document_number_series set last_number = last_number + 1 where series_year = ?")
                .param(year)
                .update();
    }

    /** In its own transaction: on PostgreSQL a failed insert would abort the issuing transaction. */
    private void createYear(int year) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into document_number_series (series_year, last_number) values (?, 0)")
                    .param(year)
                    .update());
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // The row exists now, which is all we need.
        }
    }
}
