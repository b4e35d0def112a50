package io.jzmtp.perf.bench;

/**
 * Where and how a comparison ran, printed above its table.
 *
 * @param timestamp ISO-8601 time the run started
 * @param cpu the CPU model (from /proc/cpuinfo)
 * @param cores available processors
 * @param memory total memory, human readable
 * @param os operating system and kernel
 * @param jdk java.vm.name and java.runtime.version of the worker JVMs
 * @param jvmFlags the flags every JVM worker was started with
 * @param libzmq libzmq's version, or why it was not measured
 * @param jeromq JeroMQ's version
 * @param loadAverage the 1-minute load average when the run started
 * @param command the command line that produced the report
 */
public record Environment(String timestamp, String cpu, int cores, String memory, String os, String jdk,
                          String jvmFlags, String libzmq, String jeromq, double loadAverage, String command) {
}
