package dev.chatstore.storage.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The facts the routing layers need about one {@link ChatStore} operation, declared once on its SPI method.
 * Every abstract method of {@code ChatStore} except {@code close()} carries it; the layers read it (through
 * {@link OperationDescriptor}) and never keep their own list of method names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Operation {
    /** Read or write; writes routed to a readonly source are refused before any SQL runs. */
    Access access();

    /** How the source is chosen when the caller names none. {@link Route#CHAT} needs a {@link ChatId} parameter. */
    Route route();

    /** For {@link Route#FAN_OUT}: the identity key and order of the merged result; {@link FanOutMerge#NONE} otherwise. */
    FanOutMerge merge() default FanOutMerge.NONE;
}
