package dev.chatstore.storage.jdbc;

import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** The one translation of driver failures into the SPI's exceptions, for calls and for opening alike. */
final class SqlFailures {
    private SqlFailures() {
    }

    static StorageException translate(JdbcDialect dialect, FailureContext context, int poolSize, SQLException e,
            int attempts) {
        String name = context.source().name();
        if (e instanceof SQLTransientConnectionException) {
            return new SourceUnavailableException(name, String.format("%s waited the source's timeout of %s for a "
                    + "free connection; all %d of its pool are in use. Raise pool-size or timeout, or look for calls "
                    + "that hold connections long.", context.prefix(), context.timeoutText(), poolSize), e);
        }
        var specific = dialect.translate(context, e);
        if (specific.isPresent()) {
            return specific.get();
        }
        if (attempts > 1) {
            return new SourceUnavailableException(name, String.format("%s failed %d times with a transient %s error "
                    + "within the source's timeout of %s (%s); other writers keep conflicting with it. Retry later, "
                    + "raise timeout, or spread the writes.", context.prefix(), attempts, dialect.name(),
                    context.timeoutText(), e.getMessage()), e);
        }
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return new SourceUnavailableException(name, String.format("%s cannot reach the %s database (%s): %s. "
                    + "Check that it runs and is reachable; the pool reconnects once it is back.", context.prefix(),
                    dialect.name(), state, e.getMessage()), e);
        }
        return new StorageException(String.format("%s failed: %s", context.prefix(), e.getMessage()), e);
    }
}
