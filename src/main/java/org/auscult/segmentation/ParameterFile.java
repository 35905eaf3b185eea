package org.auscult.segmentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.auscult.io.AtomicFiles;

/**
 * What the parameter files shipped with Auscult share ({@link TrainedEmission}, {@link NetworkEmission}, the murmur
 * description's model): properties text in UTF-8, the parameters as space-separated numbers, and a free-form record
 * of what they were trained on and how they scored ({@code trained.*}, {@code scored.*} keys).
 */
public final class ParameterFile {

    /** Reads the parameters from a stream. */
    public interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    private ParameterFile() {
    }

    /** The parameters shipped as the resource {@code resource} of {@code owner}, read by {@code parser}. */
    public static <T> T shipped(Class<?> owner, String resource, Parser<T> parser) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return parser.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties load(InputStream in) throws IOException {
        Properties properties = new Properties();
        try (java.io.Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static String required(Properties properties, String key) throws IOException {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IOException("missing " + key);
        }
        return value;
    }

    /** The space-separated numbers under {@code key}; a word that is not a number throws NumberFormatException. */
    static double[] numbers(Properties properties, String key) throws IOException {
        return Arrays.stream(required(properties, key).trim().split("\\s+")).mapToDouble(Double::parseDouble)
                .toArray();
    }

    /** {@code values} as a parameter file writes them: space-separated, {@code digits} significant digits each. */
    public static String text(double[] values, int digits) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%." + digits + "g", v))
                .collect(Collectors.joining(" "));
    }

    /** The {@code trained.*} and {@code scored.*} entries. */
    public static Map<String, String> record(Properties properties) {
        Map<String, String> record = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("trained.") || key.startsWith("scored.")) {
                record.put(key, properties.getProperty(key));
            }
        }
        return record;
    }

    static void writeRecord(PrintWriter out, Map<String, String> record) {
        record.forEach((key, value) -> out.println(key + "=" + value.replace("\\", "\\\\").replace("\n", " ")));
    }

    /** {@code record} with the entries of {@code extra} added, replacing those of the same key. */
    static Map<String, String> merged(Map<String, String> record, Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(record);
        merged.putAll(extra);
        return merged;
    }

    /** {@code ln P(j)} of each state's prior {@code P(j)}, which must lie in (0, 1). */
    static double[] logPrior(double[] prior) {
        double[] logPrior = new double[prior.length];
        for (int j = 0; j < prior.length; j++) {
            if (!(prior[j] > 0 && prior[j] < 1)) {
                throw new IllegalArgumentException("state " + j + ": prior must be in (0, 1), got " + prior[j]);
            }
            logPrior[j] = Math.log(prior[j]);
        }
        return logPrior;
    }

    /** Writes what {@code parameters} prints and then the record, as UTF-8 text, atomically. */
    public static void write(Path file, boolean replace, Consumer<PrintWriter> parameters, Map<String, String> record)
            throws IOException {
        AtomicFiles.write(file, replace, stream -> {
            PrintWriter out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            parameters.accept(out);
            writeRecord(out, record);
            out.flush();
        });
    }
}
