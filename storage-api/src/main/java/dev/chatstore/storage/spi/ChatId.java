package dev.chatstore.storage.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the parameter a {@link Route#CHAT} operation is routed by: a {@code long} chat id, a {@link ChatKeyed}
 * value, or a {@code List} of {@code ChatKeyed} values (split per source).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ChatId {
}
