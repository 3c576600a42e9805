package org.parley.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Writes that a bulk write hands to a second thread, on its transaction's connection and so in its transaction,
 * while its own thread prepares the next rows: the database writes one batch while Java builds the next. With one
 * thread each waits for the other, and a first import's wall time was the sum of the two.
 *
 * <p>Neither driver promises that a connection may be used by two threads at once (PostgreSQL's says it is not
 * thread safe), so the two take turns: a write holds the connection while it runs, and the caller's own use of the
 * connection, Hibernate's included, goes inside {@link #exclusive}, which waits for the write running then (not for
 * those still waiting) and keeps the next one waiting; the lock is fair, so neither side waits for long. What the
 * caller does outside it must not touch the connection: plain Java on values it already holds.
 *
 * <p>The writes run one after the other in the order they were handed: a write may only need rows written before it
 * was handed, and whoever reads what was handed here calls {@link #await} first. Closing waits for every write,
 * whatever happened, so that none runs after its transaction ends; the first write that failed fails the next call,
 * and the ones after it are skipped. At most {@value #AHEAD} writes wait at a time, which bounds the memory of what
 * they hold.
 *
 * <p>Written here because neither Hibernate nor Agroal pipelines the statements of one transaction, and the JDBC
 * drivers only batch the statements of one call.
 */
public final class WriteBehind implements AutoCloseable {

    /** The most writes handed over and not yet done; handing one more waits for the oldest. */
    static final int AHEAD = 2;

    /** One write on the transaction's connection. */
    @FunctionalInterface
    public interface Work {
        void write(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ExecutorService thread;
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    /** Held by whoever uses the connection: a write, or the caller in {@link #exclusive}. */
    private final ReentrantLock turn = new ReentrantLock(true);
    private volatile RuntimeException failure;

    /** Writes behind on the connection of the entity manager's current transaction. */
    public WriteBehind(EntityManager entityManager) {
        // the driver's own connection: the pool's wrapper is handed to one unit of work at a time, the connection
        // stays the transaction's until it ends
        this(entityManager.unwrap(Session.class).<Connection>doReturningWork(c -> c.unwrap(Connection.class)));
    }

    WriteBehind(Connection connection) {
        this.connection = connection;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread writer = new Thread(task, "parley-write-behind");
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Hands a write over; waits first while {@value #AHEAD} are pending; throws the failure of an earlier one. */
    public void submit(Work work) {
        while (pending.size() >= AHEAD) {
            finish(pending.removeFirst());
        }
        failIfFailed();
        pending.addLast(thread.submit(() -> {
            if (failure != null) {
                return;
            }
            turn.lock();
            try {
                work.write(connection);
            } catch (SQLException e) {
                failure = new PersistenceException("a write of the transaction failed: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            } finally {
                turn.unlock();
            }
        }));
    }

    /** Runs the caller's own use of the connection (directly or through Hibernate) while no write runs. */
    public <T> T exclusive(Supplier<T> use) {
        turn.lock();
        try {
            return use.get();
        } finally {
            turn.unlock();
        }
    }

    /** {@link #exclusive(Supplier)} for a use that returns nothing. */
    public void exclusive(Runnable use) {
        exclusive(() -> {
            use.run();
            return null;
        });
    }

    /** Waits until every write handed over is done; throws the first that failed. */
    public void await() {
        while (!pending.isEmpty()) {
            finish(pending.removeFirst());
        }
        failIfFailed();
    }

    /** Waits for every write, then ends the thread; throws the first write that failed. */
    @Override
    public void close() {
        try {
            await();
        } finally {
            thread.shutdown();
        }
    }

    private void failIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    /** Waits for one write, through interruptions too: it must not run on after its transaction. */
    private static void finish(Future<?> write) {
        boolean interrupted = false;
        while (true) {
            try {
                write.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) { // not thrown: a write keeps its failure
                throw new IllegalStateException("a write behind ended abnormally", e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
