package dev.chatstore.host;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.util.StatusPrinter2;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the {@code bot-host} process: logback, set up by {@link HostLogConfigurator} directly.
 * {@link Main} names it in {@code slf4j.provider}, unless that is set already. Logback's own provider would first
 * look for configurators across the class path, check its jars' versions and time itself, which takes longer than
 * the configuration (and some of it formats its messages through method handles spun at first use); this provider
 * skips those steps. With {@code -Dlogback.configurationFile=FILE} it hands over to logback's usual start-up, which
 * reads the file. SLF4J calls {@link #initialize()} once, before any of the getters.
 */
public final class HostLogProvider implements SLF4JServiceProvider {
    private final LoggerContext context = new LoggerContext();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

    @Override
    public void initialize() {
        context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
        context.setMDCAdapter(mdc);
        HostLogConfigurator configurator = new HostLogConfigurator();
        configurator.setContext(context);
        if (configurator.configure(context) != Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY) {
            StatusPrinter2 printer = new StatusPrinter2();
            try {
                new ContextInitializer(context).autoConfig();
                printer.printInCaseOfErrorsOrWarnings(context);
            } catch (JoranException e) {
                printer.print(context);
            }
        }
        context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    /** The SLF4J API this provider was built against (2.0.x). */
    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
