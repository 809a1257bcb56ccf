package io.windlass.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which services may change a column after the api-service inserted the row; none (the empty
 * list) means the column is fixed at insert. Every mapped field carries one: it is the table's
 * ownership contract, and {@link ColumnOwnershipGuard} refuses an update that breaks it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface WrittenBy {
    Writer[] value();
}
