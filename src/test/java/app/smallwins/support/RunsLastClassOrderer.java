package app.smallwins.support;

import java.util.Arrays;
import java.util.Comparator;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Quarkus orders test classes by boot (profile and test resources) first, then by this
 * secondary orderer (junit.quarkus.orderer.secondary-orderer): by class name, as Quarkus'
 * default does, except that classes marked {@link RunsLast} come after all others.
 */
public class RunsLastClassOrderer implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing(RunsLastClassOrderer::runsLast)
                .thenComparing(c -> c.getTestClass().getName()));
    }

    /** By name: Quarkus may load the test class, and so its annotations, in another class loader. */
    private static boolean runsLast(ClassDescriptor descriptor) {
        return Arrays.stream(descriptor.getTestClass().getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(RunsLast.class.getName()));
    }
}
