package app.smallwins.e2e.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an end-to-end test class: Keycloak and the packaged app's two instances are running
 * (started once for the whole run) before its {@code @BeforeAll} methods. Name the class
 * {@code *E2EIT}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(E2eEnvironment.class)
public @interface EndToEnd {
}
