package dev.chatstore.host;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;

import java.util.Collection;

/** Gets the storage failure out of Guice's wrappers, so the user sees "source X cannot be opened", not Guice. */
final class GuiceErrors {
    private GuiceErrors() {
    }

    /** The first cause inside a Guice creation or provision error, else {@code failure} itself. */
    static RuntimeException unwrap(RuntimeException failure) {
        Collection<Message> messages;
        if (failure instanceof CreationException creation) {
            messages = creation.getErrorMessages();
        } else if (failure instanceof ProvisionException provision) {
            messages = provision.getErrorMessages();
        } else {
            return failure;
        }
        for (Message message : messages) {
            Throwable cause = message.getCause();
            while (cause instanceof ProvisionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
        }
        return failure;
    }
}
