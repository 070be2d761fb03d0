package vn.directivetracker.assignment;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Assignment rows read in the current transaction, so that the expressions of one child's start
 * (candidate groups, due date, timers, gateways, the new-task email: ~10 lookups of the same row by
 * process instance) read it once (ADR 17). {@link AssignmentRepository} empties it on every write to
 * its tables, so a read after a write in the same transaction sees the write. Without a
 * transaction nothing is kept. Never outlives its transaction, and is set aside while a nested
 * (REQUIRES_NEW) transaction runs.
 */
final class ReadsOfThisTransaction {

    private static final Object KEY = ReadsOfThisTransaction.class;

    private ReadsOfThisTransaction() {}

    static Object get(String key, Supplier<?> load) {
        Map<String, Object> reads = reads();
        if (reads == null) {
            return load.get();
        }
        Object value = reads.get(key);
        if (value == null) {
            value = load.get();
            reads.put(key, value);
        }
        return value;
    }

    static void clear() {
        @SuppressWarnings("unchecked")
        Map<String, Object> reads = (Map<String, Object>) TransactionSynchronizationManager.getResource(KEY);
        if (reads != null) {
            reads.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> reads() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Map<String, Object> reads = (Map<String, Object>) TransactionSynchronizationManager.getResource(KEY);
        if (reads == null) {
            Map<String, Object> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(KEY, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            reads = created;
        }
        return reads;
    }
}
