package org.auscult.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the libraries {@code auscult.jar} names in {@code lib/} beside it are there. Copied alone, the jar would
 * fail at its first picocli class with a stack trace; this class uses the JDK only, so it can say what is missing.
 */
public final class Libraries {

    private Libraries() {
    }

    /** A class of each library the command line loads, and the library's name for people. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("picocli/CommandLine.class", "picocli");
        LIBRARIES.put("org/slf4j/LoggerFactory.class", "slf4j-api");
        LIBRARIES.put("org/slf4j/simple/SimpleLogger.class", "slf4j-simple");
        LIBRARIES.put("weka/core/Instance.class", "weka-stable");
        LIBRARIES.put("be/tarsos/dsp/AudioEvent.class", "TarsosDSP");
        LIBRARIES.put("uk/me/berndporr/iirj/Biquad.class", "iirj");
        LIBRARIES.put("org/apache/commons/math3/util/FastMath.class", "commons-math3");
        LIBRARIES.put("org/sqlite/JDBC.class", "sqlite-jdbc");
        LIBRARIES.put("org/jflac/FLACDecoder.class", "jflac-codec");
        LIBRARIES.put("javazoom/jl/decoder/Decoder.class", "jlayer");
    }

    /** True when the command line's libraries can be loaded; otherwise says which are missing on the terminal. */
    public static boolean present() {
        List<String> missing = missing(Libraries.class.getClassLoader());
        if (missing.isEmpty()) {
            return true;
        }
        System.err.println("auscult: the libraries auscult.jar needs are missing (" + String.join(", ", missing)
                + "): keep the lib folder that the build writes beside it (" + folder() + ")");
        return false;
    }

    /** The libraries {@code loader} cannot find. */
    static List<String> missing(ClassLoader loader) {
        return LIBRARIES.entrySet().stream().filter(e -> loader.getResource(e.getKey()) == null)
                .map(Map.Entry::getValue).toList();
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
