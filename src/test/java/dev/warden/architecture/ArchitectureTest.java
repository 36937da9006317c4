package dev.warden.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The boundary separate Maven modules would give: adapters see only the SPI; the core never sees an adapter. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warden");
    }

    @Test
    void adaptersDependOnlyOnTheSpi() {
        noClasses().that().resideInAPackage("dev.warden.adapters..")
                .should().dependOnClassesThat(resideInAPackage("dev.warden..")
                        .and(not(resideInAnyPackage("dev.warden.spi..", "dev.warden.adapters.."))))
                .because("an adapter translates through dev.warden.spi only")
                .check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        slices().matching("dev.warden.adapters.(*)..").should().notDependOnEachOther().check(production);
    }

    @Test
    void theCoreNeverImportsAnAdapter() {
        noClasses().that().resideInAPackage("dev.warden..").and().resideOutsideOfPackage("dev.warden.adapters..")
                .should().dependOnClassesThat().resideInAPackage("dev.warden.adapters..")
                .because("adapters are discovered as CDI beans")
                .check(production);
    }

    @Test
    void theFlowNeverDependsOnTheApi() {
        noClasses().that().resideInAnyPackage("dev.warden.moderation..", "dev.warden.persistence..")
                .should().dependOnClassesThat().resideInAPackage("dev.warden.api..")
                .because("the API renders the flow's results (a callback's data through ModerationRenderer)")
                .check(production);
    }

    @Test
    void theSpiDependsOnNothingElseOfWarden() {
        noClasses().that().resideInAPackage("dev.warden.spi..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.warden.api..", "dev.warden.moderation..",
                        "dev.warden.providers..", "dev.warden.persistence..", "dev.warden.config..",
                        "dev.warden.embedded..", "dev.warden.adapters..")
                .check(production);
    }
}
