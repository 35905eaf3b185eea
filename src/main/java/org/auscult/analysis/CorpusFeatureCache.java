package org.auscult.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.auscult.library.Corpora;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/**
 * Features of several corpora computed once per recording and analysis configuration and kept as CSV feature
 * tables, each with its configuration beside, in a cache folder: a table is reused when its configuration is the
 * one asked for.
 */
public final class CorpusFeatureCache {

    private final Path cache;
    private final int threads;
    private final Consumer<String> progress;

    /**
     * @param cache    the folder holding the tables (created if missing)
     * @param threads  extraction threads
     * @param progress told, one line each, when a corpus' features are extracted rather than read
     */
    public CorpusFeatureCache(Path cache, int threads, Consumer<String> progress) throws IOException {
        this.cache = cache;
        this.threads = threads;
        this.progress = progress;
        Files.createDirectories(cache);
    }

    /**
     * The rows of every corpus under {@code config}, corpus by corpus in the order of {@code collections}, of the
     * recordings {@code combined} holds ({@code corpus/id}).
     */
    public List<CorpusRow> rows(Corpora combined, Map<String, RecordingCollection> collections,
                                Map<String, Path> locations, AnalysisConfig config) throws IOException {
        List<CorpusRow> rows = new ArrayList<>();
        Map<String, Recording> combinedById = new HashMap<>();
        combined.recordings().forEach(r -> combinedById.put(r.id(), r));
        for (Map.Entry<String, RecordingCollection> entry : collections.entrySet()) {
            String corpus = entry.getKey();
            FeatureTable table = features(corpus, locations.get(corpus), entry.getValue(), config);
            for (FeatureRow row : table.rows()) {
                Recording recording = combinedById.get(corpus + "/" + row.id());
                if (recording == null) {
                    continue;
                }
                rows.add(new CorpusRow(recording.id(), corpus, recording.source(), recording.patient(),
                        recording.label().orElse(""), recording.originalLabel(), entry.getValue().layout(),
                        recording, row.values()));
            }
        }
        return rows;
    }

    private FeatureTable features(String corpus, Path location, RecordingCollection collection, AnalysisConfig config)
            throws IOException {
        Map<String, String> properties = new TreeMap<>(config.toProperties());
        try (DirectoryStream<Path> tables = Files.newDirectoryStream(cache, "*-" + corpus + ".csv")) {
            for (Path table : tables) {
                Path configuration = FeatureTableFormat.configurationFile(table);
                if (Files.isRegularFile(configuration) && properties.equals(readProperties(configuration))) {
                    return readTable(table, properties);
                }
            }
        }
        progress.accept(String.format("extracting %s features (%d recordings) under %s ...", corpus,
                collection.recordings().size(), properties));
        List<FeatureTableBuilder.Input> inputs = collection.recordings().stream().map(FeatureTableBuilder.Input::of)
                .toList();
        FeatureTableBuilder.Result result = new FeatureTableBuilder(config, threads).build(inputs, (d, t, s) -> { });
        Path file = cache.resolve(FeatureCache.digest(location.toAbsolutePath() + properties.toString(), 6) + "-"
                + corpus + ".csv");
        FeatureTableFormat.CSV.write(result.table(), file, true);
        return result.table();
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> map = new TreeMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value.toString()));
        return map;
    }

    /** Reads a CSV feature table as {@link FeatureTableFormat#CSV} writes it (id,path,label,patient,source,...). */
    public static FeatureTable readTable(Path file, Map<String, String> configuration) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = csvFields(reader.readLine());
            List<String> names = header.subList(5, header.size());
            List<FeatureRow> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                List<String> fields = csvFields(line);
                double[] values = new double[names.size()];
                Arrays.setAll(values, i -> Double.parseDouble(fields.get(5 + i)));
                rows.add(new FeatureRow(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                        values));
            }
            return FeatureTable.of(names, rows, configuration);
        }
    }

    /** RFC 4180 fields of one line (quotes doubled inside quoted fields). */
    public static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
