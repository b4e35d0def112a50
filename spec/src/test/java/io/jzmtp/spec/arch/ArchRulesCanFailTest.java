package io.jzmtp.spec.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.jzmtp.spec.arch.fixture.Api;
import io.jzmtp.spec.arch.fixture.clone.Clone;
import io.jzmtp.spec.arch.fixture.core.CoreFixtures;
import io.jzmtp.spec.arch.fixture.transport.TransportFixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves that each rule of {@link JzmtpRules} can fail: run against a miniature jzmtp of fixtures (root
 * {@code io.jzmtp.spec.arch.fixture}), every rule flags the class built to break it and passes the well-behaved
 * ones.
 */
class ArchRulesCanFailTest {
    private static final JzmtpRules RULES = new JzmtpRules("io.jzmtp.spec.arch.fixture");

    /** Fixtures that break no rule, so that no rule ever fails for want of classes to check. */
    private static final List<Class<?>> WELL_BEHAVED = List.of(CoreFixtures.PureCodec.class,
        TransportFixtures.Engine.class, Api.Socket.class, Clone.class);

    private static JavaClasses of(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }

    /** The well-behaved fixtures plus one offender: any violation is the offender's. */
    private static JavaClasses withOffender(Class<?> offender) {
        List<Class<?>> all = new ArrayList<>(WELL_BEHAVED);
        all.add(offender);
        return new ClassFileImporter().importClasses(all);
    }

    private static void checkAll(List<ArchRule> rules, JavaClasses classes) {
        for (ArchRule r : rules) {
            r.check(classes);
        }
    }

    @Test
    @DisplayName("well-behaved fixtures pass every rule")
    void wellBehavedFixturesPass() {
        JavaClasses good = new ClassFileImporter().importClasses(WELL_BEHAVED);
        checkAll(RULES.corePurity(), good);
        RULES.noConsoleOutput().check(good);
        checkAll(RULES.layering(), good);
    }

    @ParameterizedTest(name = "(a) core purity flags {0}")
    @ValueSource(classes = {CoreFixtures.StartsThread.class, CoreFixtures.IsRunnable.class,
        CoreFixtures.UsesConcurrentMap.class, CoreFixtures.UsesNet.class, CoreFixtures.UsesChannel.class,
        CoreFixtures.UsesFile.class, CoreFixtures.ReadsNanoTime.class, CoreFixtures.ReadsCurrentTimeMillis.class,
        CoreFixtures.ReadsInstant.class, CoreFixtures.UsesAgronaClock.class, CoreFixtures.UsesIdleStrategy.class,
        CoreFixtures.UsesAgentRunner.class, CoreFixtures.Waits.class})
    void corePurityFlags(Class<?> offender) {
        JavaClasses classes = withOffender(offender);
        assertThrows(AssertionError.class, () -> checkAll(RULES.corePurity(), classes));
    }

    @ParameterizedTest(name = "(a) the targeted purity rule alone flags {0}")
    @ValueSource(classes = {CoreFixtures.StartsThread.class, CoreFixtures.IsRunnable.class,
        CoreFixtures.UsesConcurrentMap.class, CoreFixtures.UsesNet.class, CoreFixtures.UsesChannel.class,
        CoreFixtures.UsesFile.class, CoreFixtures.ReadsInstant.class, CoreFixtures.UsesAgronaClock.class,
        CoreFixtures.UsesIdleStrategy.class, CoreFixtures.UsesAgentRunner.class})
    void denyRulesFlagWithoutTheAllowList(Class<?> offender) {
        // Rules 1 (threads) and 2 (I/O, concurrency, clocks) must catch these even if the allow-list were relaxed.
        JavaClasses classes = withOffender(offender);
        List<ArchRule> r = RULES.corePurity();
        assertThrows(AssertionError.class, () -> checkAll(List.of(r.get(1), r.get(2)), classes));
    }

    @ParameterizedTest(name = "(a) the clock and blocking call rule flags {0}")
    @ValueSource(classes = {CoreFixtures.ReadsNanoTime.class, CoreFixtures.ReadsCurrentTimeMillis.class,
        CoreFixtures.Waits.class})
    void callRuleFlags(Class<?> offender) {
        JavaClasses classes = withOffender(offender);
        assertThrows(AssertionError.class, () -> RULES.corePurity().get(3).check(classes));
    }

    @ParameterizedTest(name = "(b) console output rule flags {0}")
    @ValueSource(classes = {CoreFixtures.PrintsToOut.class, TransportFixtures.PrintsStackTrace.class,
        Api.PrintsToErr.class})
    void consoleRuleFlags(Class<?> offender) {
        JavaClasses classes = withOffender(offender);
        assertThrows(AssertionError.class, () -> RULES.noConsoleOutput().check(classes));
    }

    @ParameterizedTest(name = "(c) layering flags {0}")
    @ValueSource(classes = {CoreFixtures.UsesTransport.class, CoreFixtures.UsesApi.class,
        TransportFixtures.CallsApi.class, Api.UsesClone.class})
    void layeringFlags(Class<?> offender) {
        JavaClasses classes = withOffender(offender);
        assertThrows(AssertionError.class, () -> checkAll(RULES.layering(), classes));
    }

    @Test
    @DisplayName("(c) the patterns predicate takes the root package, not core, transport or clone")
    void patternsPredicateIsNarrow() {
        JavaClasses classes = of(CoreFixtures.PureCodec.class, TransportFixtures.Engine.class, Clone.class,
            Api.Socket.class);
        assertTrue(RULES.patterns().test(classes.get(Api.Socket.class)), "root package is patterns");
        assertFalse(RULES.patterns().test(classes.get(CoreFixtures.PureCodec.class)), "core is not patterns");
        assertFalse(RULES.patterns().test(classes.get(TransportFixtures.Engine.class)), "transport is not patterns");
        assertFalse(RULES.patterns().test(classes.get(Clone.class)), "clone is not patterns");
    }
}
