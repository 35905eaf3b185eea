package org.auscult.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The window runs with the heap the packaged application gives it ({@value #HEAP}), however it is started.
 *
 * <p>Started by {@code java -jar auscult.jar} without a heap option, the JVM's default maximum heap is a quarter of
 * the machine's memory, and G1 grows the heap towards it when young collections come close together, far past
 * what the window keeps alive: the window on an hour-long 44.1 kHz recording reached 1.7-2.0 GB resident in some
 * runs at the 6 GB default of a 23 GiB machine (docs/decisions/window-heap.md). So the window starts itself once
 * more in a JVM with that heap, which the first JVM waits for and whose exit code it returns. It does not when the
 * user chose the heap ({@code -Xmx}, {@code -Xms}, {@code -XX:MaxHeapSize}, {@code -XX:MaxRAM...}), when the
 * default heap is no larger, under a debugger, or with {@code -D}{@value #SWITCH}{@code =false}.
 */
final class WindowHeap {

    /** The heap of the packaged application's launcher (packaging/jpackage/launcher.args). */
    static final String HEAP = "-Xmx2g";
    static final long HEAP_BYTES = 2L << 30;
    /** System property: {@code false} keeps the window in the JVM it was started in. */
    static final String SWITCH = "auscult.window.heap";
    /** Marks the JVM started for the window, so it never starts another. */
    static final String STARTED = "auscult.window.started";

    private WindowHeap() {
    }

    /**
     * The command that starts the window again with {@value #HEAP}, or empty when this JVM should open it.
     *
     * @param jvmArguments the options this JVM was started with (its input arguments)
     * @param maxHeap      this JVM's maximum heap in bytes
     * @param java         the java executable of this JVM, if known
     * @param classPath    this JVM's class path
     * @param windowArgs   the window's options, as the command line gave them
     */
    static Optional<List<String>> restartCommand(List<String> jvmArguments, long maxHeap, Optional<String> java,
            String classPath, List<String> windowArgs) {
        if (java.isEmpty() || classPath == null || classPath.isBlank() || maxHeap <= HEAP_BYTES + (HEAP_BYTES >> 4)
                || "false".equalsIgnoreCase(System.getProperty(SWITCH)) || System.getProperty(STARTED) != null
                || jvmArguments.stream().anyMatch(WindowHeap::choosesHeapOrDebugs)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.get());
        command.addAll(jvmArguments);
        command.add(HEAP);
        command.add("-D" + STARTED + "=true");
        command.add("-cp");
        command.add(classPath);
        command.add("org.auscult.Launcher");
        command.addAll(windowArgs);
        return Optional.of(command);
    }

    private static boolean choosesHeapOrDebugs(String argument) {
        // an initial heap too: -Xms8g beside the -Xmx2g added would stop the second JVM from starting
        return argument.startsWith("-Xmx") || argument.startsWith("-Xms") || argument.startsWith("-XX:MaxHeapSize")
                || argument.startsWith("-XX:InitialHeapSize") || argument.startsWith("-XX:InitialRAM")
                || argument.startsWith("-XX:MaxRAM") || argument.startsWith("-agentlib:jdwp")
                || argument.startsWith("-Xrunjdwp") || argument.startsWith("-Xdebug");
    }

    /**
     * Opens the window in a JVM with {@value #HEAP} when this one has a larger default heap, and returns its exit
     * code; empty when this JVM should open the window itself (including when the other JVM cannot start).
     */
    static Optional<Integer> openInSizedJvm(List<String> windowArgs) {
        Optional<List<String>> command = restartCommand(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().maxMemory(), ProcessHandle.current().info().command(),
                System.getProperty("java.class.path"), windowArgs);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        Process window;
        try {
            window = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException | UnsupportedOperationException cannotStart) {
            return Optional.empty();
        }
        // a terminated first JVM takes the window with it, as if there were only one
        Thread stop = new Thread(window::destroy, "window-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int exitCode = window.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return Optional.of(exitCode);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            window.destroy();
            return Optional.of(AuscultCommand.EXIT_INPUT_FAILED);
        }
    }
}
