package org.auscult.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Whether the libraries {@code auscult.jar} names in {@code lib/} beside it are there. Copied alone, the jar would
 * fail at its first picocli class with a stack trace; this class uses the JDK only, so it can say what is missing.
 */
public final class Libraries {

    private Libraries() {
    }

    /** True when the command line's libraries can be loaded; otherwise says so on the terminal. */
    public static boolean present() {
        if (Libraries.class.getClassLoader().getResource("picocli/CommandLine.class") != null) {
            return true;
        }
        System.err.println("auscult: the libraries auscult.jar needs are missing: keep the lib folder that the build "
                + "writes beside it (" + folder() + ")");
        return false;
    }

    private static String folder() {
        try {
            return Path.of(Libraries.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolveSibling("lib").toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "lib";
        }
    }
}
