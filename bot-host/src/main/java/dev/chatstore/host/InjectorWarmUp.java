package dev.chatstore.host;

import com.google.inject.Guice;
import com.google.inject.Stage;

/**
 * Creates a throwaway, empty injector on a daemon thread while the main thread reads the config and loads the
 * plugins, so that Guice's classes are loaded, linked and initialized when the host creates its real injector.
 * Spring Boot's {@code BackgroundPreinitializer} does the same for its own start. A short command otherwise spends
 * about a sixth of its Java time in its first injector, on one core of two. The empty injector has no bindings and
 * no effect; a failure is ignored, since the real injector meets it again and reports it.
 */
final class InjectorWarmUp {
    private InjectorWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(InjectorWarmUp::warmUp, "chatstore-injector-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp() {
        try {
            Guice.createInjector(Stage.PRODUCTION, binder -> binder.requireExplicitBindings());
        } catch (RuntimeException | LinkageError ignored) {
            // The host's own injector reports whatever this one met.
        }
    }
}
