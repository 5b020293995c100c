package org.sanrong;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module rules of ARCHITECTURE §3-4, checked on every build. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(SanrongApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.sanrong");

    @Test
    void modulesRespectEachOthersInternals() {
        MODULES.verify();
    }

    @Test
    void domainTypesAreFreeOfWebTypes() {
        noClasses().that().resideInAPackage("org.sanrong.(*)")
                .and().resideOutsideOfPackage("org.sanrong.platform")
                .and().haveSimpleNameNotEndingWith("Configuration")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.ui..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void controllersLiveInWebPackagesAndArePackagePrivate() {
        classes().that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .and().resideOutsideOfPackage("org.sanrong.platform")
                .and().resideOutsideOfPackage("org.sanrong.portal")
                .should().resideInAPackage("..web..").andShould().notBePublic()
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void noClassIsNamedAfterTechnologyInsteadOfTheDomain() {
        noClasses().should().haveSimpleNameEndingWith("Impl").orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Util").orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Helper")
                .check(CLASSES);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
