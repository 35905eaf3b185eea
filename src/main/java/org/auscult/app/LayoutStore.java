package org.auscult.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.auscult.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the window's size and its dividers between runs, in a small properties file
 * ({@code ~/.auscult/workstation.properties} unless another file is given), written atomically so a crash never
 * leaves half a file. A missing or unreadable file simply gives the defaults.
 */
public final class LayoutStore {

    private static final Logger LOG = LoggerFactory.getLogger(LayoutStore.class);

    private final Path file;
    private final Properties values = new Properties();

    public LayoutStore(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring the saved layout {}: {}", file, e.getMessage());
                values.clear();
            }
        }
    }

    /** The default file: {@code auscult.layout} system property, else {@code ~/.auscult/workstation.properties}. */
    public static Path defaultFile() {
        String chosen = System.getProperty("auscult.layout");
        return chosen != null ? Path.of(chosen)
                : Path.of(System.getProperty("user.home"), ".auscult", "workstation.properties");
    }

    public Path file() {
        return file;
    }

    /** The saved number, or {@code fallback} when absent or not a finite number. */
    public double get(String key, double fallback) {
        String text = values.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public void put(String key, double value) {
        values.setProperty(key, Double.toString(value));
    }

    /** Writes the file (replacing the previous one, which this store owns). */
    public void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, true, out -> {
            var writer = new java.io.OutputStreamWriter(out, StandardCharsets.ISO_8859_1);
            values.store(writer, "Auscult workstation layout");
            writer.flush();
        });
    }
}
