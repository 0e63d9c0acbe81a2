package io.transcodezip.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's dependency rule: core depends on nothing, adapters on core only, never on each other. */
@AnalyzeClasses(packages = "io.transcodezip", importOptions = ArchitectureTest.ProductionCodeOnly.class)
class ArchitectureTest {

    /** Production classes only: not this module's tests, nor the test-jars of the others (fakes, contracts). */
    static final class ProductionCodeOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule coreDependsOnNothingButTheJdk = noClasses()
            .that().resideInAPackage("io.transcodezip.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages("io.transcodezip.core..", "java..")
            .because("core is pure Java: frameworks enter through adapters and app");

    @ArchTest
    static final ArchRule coreKnowsNoAdapterOrApp = noClasses()
            .that().resideInAPackage("io.transcodezip.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.transcodezip.adapters..", "io.transcodezip.app..");

    @ArchTest
    static final ArchRule httpAdaptersNeverUsePersistence = noClasses()
            .that().resideInAPackage("io.transcodezip.adapters.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.transcodezip.adapters.persistence..",
                    "io.transcodezip.app..");

    @ArchTest
    static final ArchRule persistenceNeverUsesHttpAdapters = noClasses()
            .that().resideInAPackage("io.transcodezip.adapters.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("io.transcodezip.adapters.http..",
                    "io.transcodezip.app..");

    @ArchTest
    static final ArchRule drivingSideNeverCallsTheDrivenSideDirectly = noClasses()
            .that().resideInAPackage("io.transcodezip.adapters.http.in..")
            .should().dependOnClassesThat().resideInAPackage("io.transcodezip.adapters.http.out..");

    @ArchTest
    static final ArchRule drivenSideNeverCallsTheDrivingSide = noClasses()
            .that().resideInAPackage("io.transcodezip.adapters.http.out..")
            .should().dependOnClassesThat().resideInAPackage("io.transcodezip.adapters.http.in..");

    @ArchTest
    static final ArchRule useCasesAreReachedThroughPorts = noClasses()
            .that().resideInAPackage("io.transcodezip.adapters..")
            .should().dependOnClassesThat().resideInAPackage("io.transcodezip.core.usecase..")
            .because("adapters drive core through port.in and are driven through port.out");
}
