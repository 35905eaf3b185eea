package org.auscult.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the core usable without a screen: analysis code never depends on JavaFX scene code, only
 * the command line prints to the terminal (everything else logs through slf4j), and no two packages depend on each
 * other (so each can be read, tested and moved on its own), and no main source file outgrows what a reader holds at
 * once.
 */
class ArchitectureTest {

    static final String[] CORE_PACKAGES = {
        "org.auscult.io..", "org.auscult.audio..", "org.auscult.dsp..", "org.auscult.features..", "org.auscult.analysis..",
        "org.auscult.segmentation..", "org.auscult.learn..", "org.auscult.library..", "org.auscult.labels..",
        "org.auscult.experiments..", "org.auscult.capture.."
    };

    private static JavaClasses productionClasses;

    @BeforeAll
    static void importClasses() {
        productionClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.auscult");
    }

    @Test
    void coreImportsNoJavaFxSceneCode() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx.scene..", "javafx.stage..", "javafx.fxml..", "javafx.application..")
                .because("the core must run headless, from the command line and in tests");
        rule.check(productionClasses);
    }

    @Test
    void onlyTheCommandLinePrintsToTheTerminal() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.auscult.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .because("diagnostics go through slf4j; only the command line's own output goes to the terminal");
        rule.check(productionClasses);
    }

    @Test
    void oneLoggingApi() {
        ArchRule rule = noClasses()
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.util.logging..", "org.apache.log4j..", "org.apache.logging.log4j..",
                        "org.apache.commons.logging..")
                .because("slf4j is the one logging API");
        rule.check(productionClasses);
    }

    @Test
    void coreDoesNotDependOnTheFaces() {
        ArchRule rule = noClasses().that().resideInAnyPackage(CORE_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.auscult.cli..", "org.auscult.app..")
                .because("the app and the command line are two thin faces on the same core");
        rule.check(productionClasses);
    }

    @Test
    void packagesAreFreeOfCycles() {
        ArchRule rule = slices().matching("org.auscult.(**)").should().beFreeOfCycles()
                .because("a package that depends on one depending on it cannot be understood or changed alone");
        rule.check(productionClasses);
    }

    /** The longest a main source file may be, lines: past it a file holds more than one idea. */
    static final int LONGEST_SOURCE_LINES = 400;

    @Test
    void noMainSourceFileIsOverFourHundredLines() throws java.io.IOException {
        java.nio.file.Path main = java.nio.file.Path.of("src/main/java");
        java.util.List<String> tooLong = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(main)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                long lines;
                try (var text = java.nio.file.Files.lines(file)) {
                    lines = text.count();
                }
                if (lines > LONGEST_SOURCE_LINES) {
                    tooLong.add(main.relativize(file) + " (" + lines + " lines)");
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), tooLong,
                "split these along their ideas: " + tooLong);
    }
}
