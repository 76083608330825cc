package app.smallwins.architecture;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of ArchitectureTest fail on the hand-made violations of the fixture package. */
class ArchitectureRulesTest {

    private static final String FIXTURE = "app.smallwins.architecture.fixture";
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    private static final ArchitectureTest.Rules RULES = new ArchitectureTest.Rules(FIXTURE);

    @Test
    void aCycleBetweenFeaturesFails() {
        assertViolated(RULES.cycles(), "Cycle detected");
    }

    @Test
    void aFeatureUsingAnotherFeaturesRepositoryFails() {
        assertViolated(RULES.repositoriesStayHome(), "BetaRepository");
    }

    @Test
    void sharedCodeDependingOnAFeatureFails() {
        assertViolated(RULES.commonAtTheBottom(), "Helper");
    }

    @Test
    void aQueryWrittenOutsideARepositoryFails() {
        assertViolated(RULES.queriesInRepositories(), "AlphaService.read()");
    }

    @Test
    void anInjectedFieldFails() {
        assertViolated(RULES.constructorInjection(), "GammaService.injected");
    }

    @Test
    void anOwnSettingReadAroundTheTypedConfigFails() {
        assertViolated(RULES.typedConfig(), "GammaService");
    }

    private static void assertViolated(ArchRule rule, String evidence) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(fixture));
        assertThat(failure.getMessage(), containsString(evidence));
    }
}
