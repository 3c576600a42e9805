package org.parley.store;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import org.jboss.logging.Logger;

/**
 * A periodic job of Parley's own, such as backups and snapshots, every a configured duration ({@code 1h},
 * {@code 24h}; {@code off} for none): the first one a period after the start, never two at once, and a failure
 * logged (the job counts it itself) without ending the schedule.
 */
public final class Periodic {

    private Periodic() {
    }

    /** Schedules the task unless {@code every} is {@code off}; returns whether it did. */
    public static boolean schedule(Scheduler scheduler, String job, String every, Runnable task, Logger log) {
        if ("off".equalsIgnoreCase(every.trim())) {
            return false;
        }
        scheduler.newJob(job).setInterval(every).setDelayed(every)
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        log.errorf("Scheduled %s failed: %s", job, e.getMessage());
                    }
                }).schedule();
        return true;
    }
}
