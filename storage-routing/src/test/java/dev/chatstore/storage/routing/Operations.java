package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.OperationDescriptor;
import org.junit.jupiter.api.Named;

import java.util.function.Predicate;
import java.util.stream.Stream;

/** Every SPI operation matching a predicate, named for the parameterized tests' display. */
final class Operations {
    private Operations() {
    }

    static Stream<Named<OperationDescriptor>> matching(Predicate<OperationDescriptor> filter) {
        return OperationDescriptor.all().stream().filter(filter).map(operation -> Named.of(operation.name(), operation));
    }
}
