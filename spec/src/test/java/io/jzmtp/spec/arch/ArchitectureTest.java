package io.jzmtp.spec.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link JzmtpRules} against the main classes of every jzmtp module on this module's test classpath (the
 * installed zmtp-core, transports, patterns and clone), with test classes left out.
 */
class ArchitectureTest {
    private static final JzmtpRules RULES = new JzmtpRules("io.jzmtp");
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jzmtp");
    }

    @Test
    @DisplayName("the import holds the real modules' classes and no test class")
    void importSeesTheModules() {
        assertTrue(classes.contain("io.jzmtp.core.connection.ZmtpConnection"), "zmtp-core imported");
        assertTrue(classes.contain("io.jzmtp.core.frame.FrameDecoder"), "zmtp-core imported");
        assertTrue(classes.contain("io.jzmtp.Context"), "patterns imported");
        assertTrue(classes.stream().anyMatch(RULES.patterns()::test), "patterns recognised");
        assertFalse(classes.stream().anyMatch(c -> c.getPackageName().startsWith("io.jzmtp.spec")),
            "test classes left out");
        assertFalse(classes.stream().anyMatch(c -> RULES.core().test(c) && RULES.patterns().test(c)),
            "no core class counted as patterns");
    }

    @Test
    @DisplayName("(a) zmtp-core depends only on java.lang, java.util, java.nio (not channels) and Agrona buffers")
    void coreIsPure() {
        for (ArchRule rule : RULES.corePurity()) {
            rule.check(classes);
        }
    }

    @Test
    @DisplayName("(b) no jzmtp main class writes to System.out or System.err or prints stack traces")
    void noConsoleOutput() {
        RULES.noConsoleOutput().check(classes);
    }

    @Test
    @DisplayName("(c) layering: core < transports < patterns < clone")
    void layering() {
        for (ArchRule rule : RULES.layering()) {
            rule.check(classes);
        }
    }
}
