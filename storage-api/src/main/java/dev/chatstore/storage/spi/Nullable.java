package dev.chatstore.storage.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few {@link ChatStore} operation parameters that accept null (their javadoc says what null means). Every
 * other reference parameter is non-null: a null throws {@link NullPointerException} whose message is
 * {@code "<parameter name> is null"}, before anything is read or stored.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Nullable {
}
