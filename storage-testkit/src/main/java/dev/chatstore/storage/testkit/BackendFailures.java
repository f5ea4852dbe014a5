package dev.chatstore.storage.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a failing contract test name the backend it failed against (the first line says which store, so a report
 * with many backends is readable), and notes which test classes had failures, so the coverage guard blames the
 * failures rather than the contract. The original failure is kept as the cause.
 */
final class BackendFailures implements TestExecutionExceptionHandler {
    static final Map<Class<?>, Set<String>> FAILED = new ConcurrentHashMap<>();

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof TestAbortedException) {
            throw throwable;
        }
        Class<?> testClass = context.getRequiredTestClass();
        FAILED.computeIfAbsent(testClass, c -> ConcurrentHashMap.newKeySet()).add(context.getDisplayName());
        Object instance = context.getTestInstance().orElse(null);
        String backend = instance instanceof ChatStoreContract contract ? contract.backendDescription()
                : testClass.getSimpleName();
        AssertionError named = new AssertionError("Backend " + backend + " failed the contract test "
                + context.getRequiredTestMethod().getName() + ": " + throwable, throwable);
        named.setStackTrace(throwable.getStackTrace());
        throw named;
    }
}
