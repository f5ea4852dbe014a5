package dev.chatstore.storage.routing;

import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@code ChatStore} the router sends fan-out reads to: the aggregator (a layer of the chain
 * guard &rarr; router &rarr; aggregator, see {@link StorageModule}).
 */
@Documented
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface ForAggregation {
}
