package io.jzmtp.spec.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.lang.ArchRule;
import java.io.Serializable;
import java.util.List;

/**
 * The architecture rules of jzmtp, written against a root package so that the same rules run on the real
 * modules ({@code io.jzmtp}) and on deliberately bad fixtures (which prove that each rule can fail).
 *
 * <ul>
 *   <li>{@code <root>.core..}: the pure codec (zmtp-core);</li>
 *   <li>{@code <root>.transport..} and {@code <root>.monitor..}: I/O threads, the engine and the public monitor
 *       events (transports);</li>
 *   <li>{@code <root>.clone..}: Clone and Binary Star (clone);</li>
 *   <li>the patterns API: the root package itself, and any sub-package that is none of the above (nor the
 *       test-only {@code spec} and {@code perf}).</li>
 * </ul>
 */
final class JzmtpRules {
    private final String root;

    JzmtpRules(String root) {
        this.root = root;
    }

    DescribedPredicate<JavaClass> core() {
        return resideInAPackage(root + ".core..").as("zmtp-core (" + root + ".core..)");
    }

    DescribedPredicate<JavaClass> transport() {
        return resideInAnyPackage(root + ".transport..", root + ".monitor..")
            .as("transports (" + root + ".transport.., " + root + ".monitor..)");
    }

    DescribedPredicate<JavaClass> cloneModule() {
        return resideInAPackage(root + ".clone..").as("clone (" + root + ".clone..)");
    }

    /** The patterns module: {@code root} itself, or a sub-package that belongs to no other module. */
    DescribedPredicate<JavaClass> patterns() {
        PackageMatchers others = PackageMatchers.of(root + ".core..", root + ".transport..", root + ".monitor..",
            root + ".clone..", root + ".spec..", root + ".perf..", root + ".examples..");
        return DescribedPredicate.describe("patterns (package " + root + " and its other sub-packages)",
            c -> c.getPackageName().equals(root)
                || (c.getPackageName().startsWith(root + ".") && !others.test(c.getPackageName())));
    }

    /** What the codec may use: itself, core Java value types, byte order and charsets, Agrona buffers. */
    private DescribedPredicate<JavaClass> allowedForCore() {
        DescribedPredicate<JavaClass> packages = resideInAnyPackage(root + ".core..", "java.lang", "java.util",
            "java.util.function", "java.nio", "java.nio.charset", "org.agrona", "org.agrona.collections");
        DescribedPredicate<JavaClass> agronaBuffers = type(org.agrona.concurrent.UnsafeBuffer.class)
            .or(type(org.agrona.concurrent.AtomicBuffer.class));
        return packages.or(agronaBuffers).or(type(Serializable.class))
            .as("the codec's allowed dependencies (java.lang, java.util, java.nio, java.nio.charset, "
                + "Agrona buffers and collections)");
    }

    /** Types in java.lang that run, schedule or block threads, or reach the process. */
    private static DescribedPredicate<JavaClass> threadsAndProcesses() {
        return type(Thread.class).or(type(ThreadGroup.class)).or(type(ThreadLocal.class))
            .or(type(InheritableThreadLocal.class)).or(type(Runnable.class)).or(type(Runtime.class))
            .or(type(Process.class)).or(type(ProcessBuilder.class))
            .as("threads, Runnable, Runtime or processes");
    }

    /** Packages and Agrona types that mean I/O, concurrency or clocks. */
    private static DescribedPredicate<JavaClass> ioConcurrencyClocks() {
        DescribedPredicate<JavaClass> packages = resideInAnyPackage("java.util.concurrent..", "java.net..",
            "java.nio.channels..", "java.nio.file..", "java.io..", "java.time..", "org.jctools..",
            "org.agrona.nio..", "org.agrona.concurrent.ringbuffer..", "org.agrona.concurrent.broadcast..")
            .and(not(type(Serializable.class)));
        DescribedPredicate<JavaClass> agronaRuntime = resideInAnyPackage("org.agrona..")
            .and(DescribedPredicate.describe("named Agent*, *IdleStrategy*, *Clock*, IoUtil, MarkFile or *Queue*",
                c -> c.getSimpleName().matches("Agent.*|.*IdleStrategy.*|.*Clock.*|IoUtil|MarkFile|.*Queue.*")));
        return packages.or(agronaRuntime).as("I/O, concurrency or clocks (java.util.concurrent, java.net, "
            + "java.nio.channels, java.io, java.time, JCTools, Agrona agents, idle strategies, clocks, queues)");
    }

    /** (a) zmtp-core is a pure codec: no threads, sockets, channels, files, clocks or concurrency. */
    List<ArchRule> corePurity() {
        return List.of(
            classes().that(core()).should().onlyDependOnClassesThat(allowedForCore())
                .because("the codec is pure: no threads, sockets, channels, selectors or clocks (house rules)"),
            noClasses().that(core()).should().dependOnClassesThat(threadsAndProcesses())
                .because("the codec owns no thread and runs nothing"),
            noClasses().that(core()).should().dependOnClassesThat(ioConcurrencyClocks())
                .because("the codec does no I/O and reads no clock: time is injected"),
            noClasses().that(core()).should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "exit", int.class)
                .orShould().callMethodWhere(target(owner(type(Object.class)))
                    .and(target(name("wait").or(name("notify")).or(name("notifyAll")))))
                .because("time is injected, and the codec never blocks"));
    }

    /** (b) library code logs through System.Logger, never System.out, System.err or printStackTrace. */
    ArchRule noConsoleOutput() {
        return noClasses().that().resideInAPackage(root + "..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethodWhere(target(name("printStackTrace"))
                .and(target(owner(assignableTo(Throwable.class)))))
            .because("library code logs with System.Logger (house rule 7)");
    }

    /** (c) module layering: core below transports below patterns below clone. */
    List<ArchRule> layering() {
        return List.of(
            noClasses().that(core()).should().dependOnClassesThat(transport().or(patterns()).or(cloneModule()))
                .because("zmtp-core is the bottom layer"),
            noClasses().that(transport()).should().dependOnClassesThat(patterns().or(cloneModule()))
                .because("transports serve the patterns API and never call it").allowEmptyShould(true),
            noClasses().that(patterns()).should().dependOnClassesThat(cloneModule())
                .because("clone is built on the patterns API, not the reverse").allowEmptyShould(true));
    }
}
