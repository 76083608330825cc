package app.smallwins.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that must run after every other one in the same Quarkus boot (it inspects
 * what the whole run left behind). {@link RunsLastClassOrderer} honours it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsLast {
}
