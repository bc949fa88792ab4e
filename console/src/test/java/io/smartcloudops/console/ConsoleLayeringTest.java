package io.smartcloudops.console;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smartcloudops.agent.Agent;
import io.smartcloudops.agent.auth.TokenFile;
import io.smartcloudops.agent.collect.SourceException;
import org.junit.jupiter.api.Test;

/**
 * The console talks to every agent, local or remote, through {@code api}'s {@code AgentClient}; the
 * embedded mode is the one exception, and it may use only the agent's embedding entry point ({@link Agent}
 * with what its {@code start} throws and the token it generates) and its configuration. Anything else
 * would work embedded and break against a remote agent.
 */
class ConsoleLayeringTest {

    private static final JavaClasses CONSOLE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.smartcloudops.console");

    @Test
    void theConsoleUsesOnlyTheAgentsEmbeddingEntryPointAndItsConfiguration() {
        noClasses().should().dependOnClassesThat(resideInAPackage("io.smartcloudops.agent..")
                        .and(not(belongToAnyOf(Agent.class, SourceException.class, TokenFile.Generated.class)))
                        .and(not(resideInAPackage("io.smartcloudops.agent.config.."))))
                .because("a remote agent is reached only through api's AgentClient")
                .check(CONSOLE);
    }

    @Test
    void consolePackagesHaveNoCycles() {
        slices().matching("io.smartcloudops.console.(*)..").should().beFreeOfCycles().check(CONSOLE);
    }
}
