package org.auscult;

import org.auscult.cli.AuscultCommand;

/**
 * Entry point of {@code auscult.jar}. It deliberately does not extend {@code javafx.application.Application}:
 * started that way, the JVM loads every jar from the class path, so Weka's non-modular dependencies and JavaFX
 * live side by side (a JavaFX launcher would put JavaFX on the module path and silently drop Weka's java-cup).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (!org.auscult.cli.Libraries.present()) {
            System.exit(1);
        }
        configureNativeLibraries();
        // the commands print what a user needs (a collection's summary, progress, problems); the library's INFO lines
        // repeated it on the terminal. -Dorg.slf4j.simpleLogger.defaultLogLevel=info shows them again.
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(AuscultCommand.run(args));
    }

    /**
     * Weka's linear algebra asks netlib for native BLAS/LAPACK/ARPACK builds that are not shipped; naming the
     * pure-Java implementations up front avoids the failed lookups and their warnings, and keeps Weka's
     * package manager in a folder of its own unless the user chose one.
     */
    static void configureNativeLibraries() {
        setIfAbsent("com.github.fommil.netlib.BLAS", "com.github.fommil.netlib.F2jBLAS");
        setIfAbsent("com.github.fommil.netlib.LAPACK", "com.github.fommil.netlib.F2jLAPACK");
        setIfAbsent("com.github.fommil.netlib.ARPACK", "com.github.fommil.netlib.F2jARPACK");
        setIfAbsent("WEKA_HOME", System.getProperty("user.home") + "/.auscult/weka");
        // Weka creates its home with a single mkdir and complains on the terminal when the parent is missing.
        new java.io.File(System.getProperty("WEKA_HOME")).mkdirs();
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
