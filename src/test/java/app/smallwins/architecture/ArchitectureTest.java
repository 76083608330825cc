package app.smallwins.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;

import app.smallwins.common.persistence.TypedRows;

/**
 * The shape of the code, checked rather than reviewed (docs/architecture.md): features are
 * packages below app.smallwins; common (and access) sit below them; no cycles; a feature uses
 * another only through what it publishes, never its repository; SQL lives in repositories.
 */
class ArchitectureTest {

    static final String ROOT = "app.smallwins";
    private static JavaClasses application;

    @BeforeAll
    static void importApplication() {
        application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        // (The fixture's hand-made violations are test classes, so they are not imported here.)
    }

    @Test
    void noPackageCycles() {
        rules().cycles().check(application);
    }

    @Test
    void commonDependsOnNoFeature() {
        rules().commonAtTheBottom().check(application);
    }

    @Test
    void noFeatureUsesAnotherFeaturesRepository() {
        rules().repositoriesStayHome().check(application);
    }

    @Test
    void queriesAreWrittenOnlyInRepositories() {
        rules().queriesInRepositories().check(application);
    }

    @Test
    void noHibernateInternals() {
        rules().noHibernateInternals().check(application);
    }

    @Test
    void authorizationIsByRolesAndCapacityNeverByPermissionCheckers() {
        // VerifiedTokens remembers identities without their permission checkers.
        rules().noPermissionCheckers().check(application);
    }

    @Test
    void beansAreWiredThroughTheirConstructors() {
        rules().constructorInjection().check(application);
    }

    @Test
    void ownSettingsAreReadThroughTheTypedConfig() {
        rules().typedConfig().check(application);
    }

    static Rules rules() {
        return new Rules(ROOT);
    }

    /** The rules for the packages below a root; ArchitectureRulesTest applies them to hand-made violations. */
    record Rules(String root) {

        ArchRule cycles() {
            return slices().matching(root + ".(*)..").should().beFreeOfCycles();
        }

        ArchRule commonAtTheBottom() {
            return noClasses().that().resideInAPackage(root + ".common..").should().dependOnClassesThat(
                    DescribedPredicate.describe("belong to a feature",
                            (JavaClass c) -> c.getPackageName().startsWith(root + ".")
                                    && !c.getPackageName().startsWith(root + ".common")));
        }

        ArchRule repositoriesStayHome() {
            return classes().should(new ArchCondition<>("use no other feature's repository") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                        JavaClass target = dependency.getTargetClass();
                        if (target.getSimpleName().endsWith("Repository")
                                && target.getPackageName().startsWith(root + ".")
                                && !feature(target).equals(feature(origin))) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            });
        }

        ArchRule queriesInRepositories() {
            return noClasses().that().haveSimpleNameNotEndingWith("Repository").should()
                    .callMethodWhere(DescribedPredicate.describe("EntityManager.create...Query or TypedRows.list/update",
                            (JavaAccess<?> call) -> call.getTargetOwner().isAssignableTo(EntityManager.class)
                                    && call.getName().startsWith("create") && call.getName().endsWith("Query")
                                    || call.getTargetOwner().getName().equals(TypedRows.class.getName())
                                    && (call.getName().equals("list") || call.getName().equals("update"))));
        }

        ArchRule noHibernateInternals() {
            return noClasses().should().dependOnClassesThat().resideInAnyPackage("org.hibernate.engine..",
                    "org.hibernate.sql..", "org.hibernate.internal..");
        }

        ArchRule noPermissionCheckers() {
            return noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
                    "io.quarkus.security.PermissionsAllowed").orShould().callMethod(
                            "io.quarkus.security.identity.SecurityIdentity", "checkPermission", "java.security.Permission");
        }

        ArchRule constructorInjection() {
            return GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.because(
                    "dependencies are declared in the constructor, into final fields");
        }

        ArchRule typedConfig() {
            return noClasses().should(new ArchCondition<>("read a smallwins.* setting with @ConfigProperty") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    origin.getConstructors().forEach(constructor -> constructor.getParameters().forEach(parameter -> {
                        if (ownSetting(parameter.isAnnotatedWith(ConfigProperty.class)
                                ? parameter.getAnnotationOfType(ConfigProperty.class) : null)) {
                            events.add(SimpleConditionEvent.satisfied(parameter, parameter.getDescription()));
                        }
                    }));
                    origin.getFields().forEach(field -> {
                        if (ownSetting(field.isAnnotatedWith(ConfigProperty.class)
                                ? field.getAnnotationOfType(ConfigProperty.class) : null)) {
                            events.add(SimpleConditionEvent.satisfied(field, field.getDescription()));
                        }
                    });
                }
            }).because("every smallwins.* setting is read through SmallWinsConfig");
        }

        private static boolean ownSetting(ConfigProperty property) {
            return property != null && property.name().startsWith("smallwins.");
        }

        private String feature(JavaClass c) {
            String rest = c.getPackageName().substring(Math.min(c.getPackageName().length(), root.length() + 1));
            int dot = rest.indexOf('.');
            return dot < 0 ? rest : rest.substring(0, dot);
        }
    }
}
