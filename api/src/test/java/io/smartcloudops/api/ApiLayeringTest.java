package io.smartcloudops.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * {@code api} is the contract both the agent and the console build on, and what a third party would take
 * to talk to an agent: JSON records and an HTTP client, nothing of the UI, the detector, the cloud or the
 * server. Its packages do not depend on each other in a circle.
 */
class ApiLayeringTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.smartcloudops.api");

    @Test
    void apiUsesNoJavaFxSmileAwsOrJavalinAndNothingOfTheModulesBuiltOnIt() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "smile..", "software.amazon..",
                        "io.javalin..", "org.eclipse.jetty..", "io.smartcloudops.agent..", "io.smartcloudops.console..")
                .because("the contract must stay usable without the agent's or the console's dependencies")
                .check(API);
    }

    @Test
    void apiPackagesHaveNoCycles() {
        slices().matching("io.smartcloudops.(**)").should().beFreeOfCycles().check(API);
    }
}
