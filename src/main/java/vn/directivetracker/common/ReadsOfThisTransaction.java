package vn.directivetracker.common;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows read in the current transaction, by kind (the table a repository owns), so that one
 * transaction reads each row once. A fan-out chunk starts ~20 agency processes in one transaction
 * (ADR 23), and each child's start, notice, task, timers and new-task email asked for the same
 * assignment, directive, agency and holidays again: ~28 statements per assignment, ~14 of them
 * repeats (ADR 17 began this for assignments; issue 11, ADR 28 for the rest).
 *
 * <p>A repository calls {@link #forget(String)} with its kind before every write to its tables, so a
 * read after a write in the same transaction sees the write. Without a transaction nothing is kept.
 * Never outlives its transaction, and is set aside while a nested (REQUIRES_NEW) transaction runs.
 * Another transaction's commit is not seen until this one ends: the same as the repeatable answers
 * a single snapshot would give, and what every reader here assumes anyway (a chunk's children of one
 * letter show one version of that letter).
 */
public final class ReadsOfThisTransaction {

    private static final Object KEY = ReadsOfThisTransaction.class;

    private ReadsOfThisTransaction() {}

    /** The value read before in this transaction, or {@code load}'s (kept unless null). */
    @SuppressWarnings("unchecked")
    public static <T> T get(String kind, Object key, Supplier<T> load) {
        Map<String, Map<Object, Object>> reads = reads();
        if (reads == null) {
            return load.get();
        }
        Map<Object, Object> ofKind = reads.computeIfAbsent(kind, k -> new HashMap<>());
        Object value = ofKind.get(key);
        if (value == null) {
            value = load.get();
            if (value != null) {
                ofKind.put(key, value);
            }
        }
        return (T) value;
    }

    /** What this transaction has read of a key so far, without reading it (null: not read, or no transaction). */
    @SuppressWarnings("unchecked")
    public static <T> T peek(String kind, Object key) {
        Map<String, Map<Object, Object>> reads = reads();
        Map<Object, Object> ofKind = reads == null ? null : reads.get(kind);
        return ofKind == null ? null : (T) ofKind.get(key);
    }

    /** Records what a write just established (e.g. a binding), so that the next read needs no query. */
    public static void put(String kind, Object key, Object value) {
        Map<String, Map<Object, Object>> reads = reads();
        if (reads != null && value != null) {
            reads.computeIfAbsent(kind, k -> new HashMap<>()).put(key, value);
        }
    }

    /** Drops what this transaction read of one kind: called before each write to that kind's tables. */
    public static void forget(String kind) {
        @SuppressWarnings("unchecked")
        Map<String, Map<Object, Object>> reads =
                (Map<String, Map<Object, Object>>) TransactionSynchronizationManager.getResource(KEY);
        if (reads != null) {
            reads.remove(kind);
        }
    }

    /**
     * Drops one key of a kind: for a write known to change that one row only (binding an assignment to
     * its process), so that what a fan-out chunk read ahead for its other children stays (ADR 30).
     */
    public static void forget(String kind, Object key) {
        Map<String, Map<Object, Object>> reads = reads();
        Map<Object, Object> ofKind = reads == null ? null : reads.get(kind);
        if (ofKind != null) {
            ofKind.remove(key);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<Object, Object>> reads() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Map<String, Map<Object, Object>> reads =
                (Map<String, Map<Object, Object>>) TransactionSynchronizationManager.getResource(KEY);
        if (reads == null) {
            Map<String, Map<Object, Object>> created = new HashMap<>();
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
