package org.auscult.experiments;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.auscult.io.AtomicFiles;
import org.auscult.io.BoundedTextReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every {@link Experiment} as a small properties file {@code <id>.properties} in one folder, by default
 * {@code ~/.auscult/experiments/} (the system property {@value #FOLDER_PROPERTY} names another). Files are written
 * atomically; a new run never replaces another run's file, and only {@link #update} rewrites a run's own file (to
 * add the model path once the model is saved).
 */
public final class ExperimentStore {

    /** System property naming the folder, for tests and for people who keep experiments elsewhere. */
    public static final String FOLDER_PROPERTY = "auscult.experiments";
    static final String EXTENSION = ".properties";
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentStore.class);

    private final Path folder;

    public ExperimentStore(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /** The store in {@link #defaultFolder()}. */
    public static ExperimentStore atDefaultFolder() {
        return new ExperimentStore(defaultFolder());
    }

    /** The system property {@value #FOLDER_PROPERTY}, or {@code ~/.auscult/experiments}. */
    public static Path defaultFolder() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".auscult", "experiments");
    }

    public Path folder() {
        return folder;
    }

    /** The file of a run. */
    public Path fileOf(Experiment experiment) {
        return folder.resolve(experiment.id() + EXTENSION);
    }

    /**
     * Keeps a new run (creating the folder when needed).
     *
     * @throws java.nio.file.FileAlreadyExistsException when a run with this id was kept already
     */
    public Path save(Experiment experiment) throws IOException {
        Files.createDirectories(folder);
        Path file = fileOf(experiment);
        write(file, experiment, false);
        return file;
    }

    /** Rewrites the file of a run kept before (for example with the model path added). */
    public Path update(Experiment experiment) throws IOException {
        Path file = fileOf(experiment);
        if (!Files.exists(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no experiment with this id was kept");
        }
        write(file, experiment, true);
        return file;
    }

    private static void write(Path file, Experiment experiment, boolean overwrite) throws IOException {
        Map<String, String> properties = experiment.toProperties();
        AtomicFiles.write(file, overwrite, out -> {
            Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write("# Auscult training run " + experiment.id() + "\n");
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                writer.write(escape(entry.getKey(), true) + "=" + escape(entry.getValue(), false) + "\n");
            }
            writer.flush();
        });
    }

    /** Escapes as {@link Properties#load(Reader)} expects, keeping the key order of the record. */
    private static String escape(String text, boolean key) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '=', ':', '#', '!' -> escaped.append('\\').append(c);
                case ' ' -> escaped.append(key || i == 0 ? "\\ " : " ");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Reads one run's file, through the {@link BoundedTextReader}: a file that is not UTF-8 or has a line without
     * end is refused with its name and line instead of "Input length = 1" or an exhausted heap.
     */
    public static Experiment load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = BoundedTextReader.open(file)) {
            properties.load(reader);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return Experiment.of(map, file.toString());
    }

    /**
     * Every run kept, oldest first. A file that cannot be read is skipped with a warning naming it and its problem,
     * so one damaged file does not hide the others.
     */
    public List<Experiment> list() throws IOException {
        List<Experiment> experiments = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return experiments;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + EXTENSION)) {
            for (Path file : files) {
                try {
                    experiments.add(load(file));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.warn("Skipping the experiment file {}: {}", file, e.getMessage());
                }
            }
        }
        experiments.sort(Comparator.comparing(Experiment::created).thenComparing(Experiment::id));
        return experiments;
    }
}
