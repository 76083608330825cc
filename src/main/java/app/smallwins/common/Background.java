package app.smallwins.common;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A node's periodic jobs (access-log batches, idempotency retention) each run on one named daemon thread. */
public final class Background {

    private Background() {
    }

    public static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
