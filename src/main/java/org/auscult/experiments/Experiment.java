package org.auscult.experiments;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.auscult.dsp.ParameterException;
import org.auscult.learn.ConfusionMatrix;
import org.auscult.learn.EvaluationResult;

/**
 * One training run, as kept for comparing and repeating: when and on what it ran, its settings (seed included), the
 * fingerprint of the feature data it was evaluated on, its headline metrics and confusion matrix, and the model file
 * when the model was saved.
 *
 * @param id              unique, sortable by time: {@code yyyyMMdd-HHmmss-SSS-<fingerprint prefix>}
 * @param created         when the run finished
 * @param collection      the collection trained on (its folder or label file)
 * @param settings        analysis, model and protocol, with the seed
 * @param dataFingerprint {@link org.auscult.learn.LabelledDataset#fingerprint()} of the labelled rows evaluated
 * @param confusion       the pooled out-of-fold confusion matrix (rows truth, columns predicted)
 * @param modelPath       the saved model file, "" when the model was not saved
 */
public record Experiment(String id, Instant created, String collection, ExperimentSettings settings,
                         String dataFingerprint, ConfusionMatrix confusion, String modelPath) {

    public Experiment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dataFingerprint, "dataFingerprint");
        Objects.requireNonNull(confusion, "confusion");
        Objects.requireNonNull(modelPath, "modelPath");
        ParameterException.require(id.matches("[A-Za-z0-9_.-]+"),
                "experiment id must be letters, digits, '.', '_' or '-', got '" + id + "'");
    }

    /** The record of a finished evaluation, not yet saved as a model. */
    public static Experiment of(Instant created, String collection, ExperimentSettings settings,
                                String dataFingerprint, EvaluationResult result) {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT)
                .withZone(java.time.ZoneOffset.UTC).format(created);
        return new Experiment(stamp + "-" + dataFingerprint.substring(0, Math.min(8, dataFingerprint.length())),
                created, collection, settings, dataFingerprint, result.confusion(), "");
    }

    /** This record with the file the model was saved to. */
    public Experiment withModelPath(String path) {
        return new Experiment(id, created, collection, settings, dataFingerprint, confusion, path);
    }

    public double accuracy() {
        return confusion.accuracy();
    }

    public double balancedAccuracy() {
        return confusion.balancedAccuracy();
    }

    public double macroF1() {
        return confusion.macroF1();
    }

    /** One line for a table of runs: preset, protocol, seed, and the training labels unless as imported. */
    public String describe() {
        return settings.model().preset().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", "
                + settings.evaluation().describe()
                + (settings.labels().asImported() ? "" : ", " + settings.labels().describe());
    }

    /**
     * One line for people: the design and its balancing, the protocol, and the training labels unless as imported,
     * e.g. "Random forest, class weights; cross-validation grouped by patient, 5 folds × 2 repeats, seed 1".
     */
    public String describeForPeople() {
        return settings.model().preset().forPeople() + ", "
                + settings.model().balancing().forPeople().toLowerCase(Locale.ROOT) + "; "
                + settings.evaluation().forPeople()
                + (settings.labels().asImported() ? "" : "; " + settings.labels().describe());
    }

    /**
     * Every field as text: {@code id}, {@code created} (ISO-8601), {@code collection}, {@code data.fingerprint},
     * {@code saved.model}, the settings ({@link ExperimentSettings#toProperties()}), {@code metrics.accuracy},
     * {@code metrics.balancedAccuracy}, {@code metrics.macroF1}, {@code metrics.f1.<class>} (for people reading the
     * file; recomputed from the matrix on reading), {@code confusion.classes} (comma-separated) and {@code
     * confusion.row.<i>} (comma-separated counts).
     */
    public Map<String, String> toProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("id", id);
        properties.put("created", created.toString());
        properties.put("collection", collection);
        properties.put("data.fingerprint", dataFingerprint);
        properties.put("saved.model", modelPath);
        properties.putAll(settings.toProperties());
        properties.put("metrics.accuracy", Double.toString(accuracy()));
        properties.put("metrics.balancedAccuracy", Double.toString(balancedAccuracy()));
        properties.put("metrics.macroF1", Double.toString(macroF1()));
        for (int c = 0; c < confusion.numClasses(); c++) {
            properties.put("metrics.f1." + confusion.classNames().get(c), Double.toString(confusion.f1(c)));
        }
        properties.put("confusion.classes", String.join(",", confusion.classNames()));
        long[][] counts = confusion.counts();
        for (int row = 0; row < counts.length; row++) {
            properties.put("confusion.row." + row,
                    Arrays.stream(counts[row]).mapToObj(Long::toString).collect(Collectors.joining(",")));
        }
        return properties;
    }

    /**
     * Reads {@link #toProperties()}.
     *
     * @param where names the source in error messages (usually the file)
     * @throws ParameterException naming {@code where} and the missing or malformed key
     */
    public static Experiment of(Map<String, String> properties, String where) {
        try {
            List<String> classes = List.of(required(properties, "confusion.classes", where).split(","));
            long[][] counts = new long[classes.size()][];
            for (int row = 0; row < classes.size(); row++) {
                String[] cells = required(properties, "confusion.row." + row, where).split(",");
                ParameterException.require(cells.length == classes.size(), where + ": confusion.row." + row
                        + " has " + cells.length + " cells for " + classes.size() + " classes");
                counts[row] = new long[cells.length];
                for (int column = 0; column < cells.length; column++) {
                    counts[row][column] = Long.parseLong(cells[column].trim());
                }
            }
            Map<String, String> settings = new TreeMap<>();
            properties.forEach((key, value) -> {
                if (ExperimentSettings.PREFIXES.stream().anyMatch(key::startsWith)) {
                    settings.put(key, value);
                }
            });
            return new Experiment(required(properties, "id", where),
                    Instant.parse(required(properties, "created", where)), required(properties, "collection", where),
                    ExperimentSettings.of(settings), required(properties, "data.fingerprint", where),
                    new ConfusionMatrix(classes, counts), properties.getOrDefault("saved.model", ""));
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new ParameterException(where + ": " + e.getMessage());
        } catch (ParameterException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(where)) {
                throw e;
            }
            throw new ParameterException(where + ": " + e.getMessage());
        }
    }

    private static String required(Map<String, String> properties, String key, String where) {
        String value = properties.get(key);
        ParameterException.require(value != null, where + ": the key '" + key + "' is missing");
        return value;
    }
}
