package dev.chatstore.storage.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Contention helper for backend tests: runs tasks on their own threads, all released at once. */
public final class Concurrently {
    private Concurrently() {
    }

    /**
     * Starts every task at once on its own thread and returns their results in task order. The first task failure is
     * rethrown as the task threw it (an assertion error stays an assertion error); each task gets two minutes.
     */
    public static <T> List<T> runTogether(List<? extends Callable<T>> tasks) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(2, TimeUnit.MINUTES));
                } catch (ExecutionException e) {
                    // Rethrow the thread's own assertion error or exception, so the report shows it first.
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
