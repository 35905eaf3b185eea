package org.auscult.segmentation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the emission files share ({@link TrainedEmission}, {@link NetworkEmission}): properties text in UTF-8, the
 * parameters as space-separated numbers, and a free-form record of what they were trained on and how they scored
 * ({@code trained.*}, {@code scored.*} keys).
 */
final class EmissionFile {

    private EmissionFile() {
    }

    static Properties load(InputStream in) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
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

    /** The {@code trained.*} and {@code scored.*} entries. */
    static Map<String, String> record(Properties properties) {
        Map<String, String> record = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("trained.") || key.startsWith("scored.")) {
                record.put(key, properties.getProperty(key));
            }
        }
        return record;
    }

    static void writeRecord(PrintWriter out, Map<String, String> record) {
        for (Map.Entry<String, String> entry : record.entrySet()) {
            out.println(entry.getKey() + "=" + entry.getValue().replace("\\", "\\\\").replace("\n", " "));
        }
    }
}
