package org.auscult.segmentation.murmur;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.auscult.audio.AudioClip;
import org.auscult.features.CycleEmission;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.ParameterFile;
import org.auscult.segmentation.Segmentation;

/**
 * The trained murmur description: one {@link SoftmaxRegression} per attribute over the {@link MurmurFeatures}, and
 * for each whether it may be shown, decided when it was trained from its patient-grouped cross-validated figures
 * ({@link #reliable}). An attribute never measured is not shown.
 *
 * <p>Saved as a properties text: {@code features} (the value names, comma-separated, which must match
 * {@link MurmurFeatures#NAMES}); per attribute {@code <key>.classes}, {@code <key>.mean}, {@code <key>.sd},
 * {@code <key>.weights.<j>} (feature weights then the intercept) and {@code <key>.shown}; {@code phase.shown}; and
 * free-form {@code trained.*} / {@code scored.*} keys recording the training data and the measured figures.
 *
 * <p>A murmur is described on its own segmentation, by the trained segmenter ({@link #SEGMENTER}), not on the one
 * the verdict's cycle features used: the trained emission finds systole and diastole better on the CirCor
 * recordings the description learns from (patient-grouped S1 F1 0.941 against 0.880), and the description's timing,
 * grade and pitch measured better on it (docs/decisions/murmur-description.md).
 */
public final class MurmurModel {

    /** The emission of the segmentation a murmur is described on (as the default recipe's verdict reads it). */
    public static final CycleEmission EMISSION = CycleEmission.TRAINED;
    /** The segmenter a murmur is described on. */
    public static final HeartSoundSegmenter SEGMENTER = HeartSoundSegmenter.of(EMISSION);

    /** The parameters shipped with Auscult, trained on the CirCor 2022 training part. */
    public static final String RESOURCE = "/org/auscult/segmentation/murmur/murmur-description.properties";
    /** The least cross-validated accuracy of an attribute that is shown. */
    public static final double MIN_ACCURACY = 0.70;
    /** How far above the majority baseline the accuracy of a shown attribute must be. */
    public static final double MIN_GAIN = 0.10;
    /** How far above chance (1/k) the balanced accuracy of a shown attribute must be. */
    public static final double MIN_BALANCED_GAIN = 0.15;
    /** The patients each of two classes or more must have for the figures to mean anything. */
    public static final int MIN_CLASS_PATIENTS = 10;

    /** One attribute's regression, its classes and whether it is shown. */
    record Part(MurmurAttribute attribute, List<String> classes, SoftmaxRegression regression, boolean shown) {
    }

    private final List<Part> parts;
    private final boolean phaseShown;
    private final Map<String, String> record;

    MurmurModel(List<Part> parts, boolean phaseShown, Map<String, String> record) {
        this.parts = List.copyOf(parts);
        this.phaseShown = phaseShown;
        this.record = new LinkedHashMap<>(record);
    }

    /**
     * Whether figures measured under cross-validation allow showing an attribute: accuracy at least
     * {@value #MIN_ACCURACY} and {@value #MIN_GAIN} above always answering the most common class, and balanced
     * accuracy {@value #MIN_BALANCED_GAIN} above chance (1/k for k classes). The caller also checks that two classes
     * have {@value #MIN_CLASS_PATIENTS} patients or more ({@link #measurable}).
     */
    public static boolean reliable(double accuracy, double balancedAccuracy, double baseline, int classes) {
        return accuracy >= MIN_ACCURACY && accuracy >= baseline + MIN_GAIN
                && balancedAccuracy >= 1.0 / classes + MIN_BALANCED_GAIN;
    }

    /**
     * Whether at least two classes have {@value #MIN_CLASS_PATIENTS} annotated patients or more, in a confusion
     * matrix that counts every patient {@code repeats} times.
     */
    public static boolean measurable(org.auscult.learn.ConfusionMatrix matrix, int repeats) {
        return IntStream.range(0, matrix.numClasses())
                .filter(c -> matrix.support(c) >= (long) MIN_CLASS_PATIENTS * repeats).count() >= 2;
    }

    /** The parameters shipped in {@link #RESOURCE}. */
    public static MurmurModel shipped() {
        return ParameterFile.shipped(MurmurModel.class, RESOURCE, MurmurModel::read);
    }

    /**
     * Describes the murmur of {@code conditioned} (the clip as analysed, see {@code SignalConditioning}), segmented by
     * {@link #SEGMENTER}; meant for a recording whose verdict is a murmur.
     */
    public MurmurDescription describe(AudioClip conditioned) {
        return describe(conditioned, SEGMENTER.segment(conditioned));
    }

    /** Describes the murmur of {@code conditioned} segmented as {@code segmentation}. */
    public MurmurDescription describe(AudioClip conditioned, Segmentation segmentation) {
        MurmurEnvelope[] envelopes = MurmurFeatures.envelopes(conditioned, segmentation);
        MurmurEnvelope shown = envelopes[0];
        MurmurDescription.Phase phase = MurmurDescription.phaseOf(shown);
        if (shown.cycleCount() == 0) {
            return new MurmurDescription(shown, phase, false, List.of());
        }
        double[] values = MurmurFeatures.values(envelopes);
        List<MurmurDescription.Described> described = new ArrayList<>();
        for (Part part : parts) {
            double[] p = part.regression().probabilities(values);
            Map<String, Double> probabilities = new TreeMap<>();
            int best = 0;
            for (int j = 0; j < p.length; j++) {
                probabilities.put(part.classes().get(j), p[j]);
                best = p[j] > p[best] ? j : best;
            }
            described.add(new MurmurDescription.Described(part.attribute(), part.classes().get(best), p[best],
                    probabilities, part.shown()));
        }
        return new MurmurDescription(shown, phase, phaseShown, described);
    }

    /** The attributes described, in order. */
    public List<MurmurAttribute> attributes() {
        return parts.stream().map(Part::attribute).toList();
    }

    /** Whether {@code attribute} is shown; false when the model does not describe it. */
    public boolean shows(MurmurAttribute attribute) {
        return parts.stream().anyMatch(p -> p.attribute() == attribute && p.shown());
    }

    public boolean showsPhase() {
        return phaseShown;
    }

    /** What the parameters were trained on and how they measured ({@code trained.*}, {@code scored.*}). */
    public Map<String, String> record() {
        return Map.copyOf(record);
    }

    /** Reads a parameter file written by {@link #write}. */
    public static MurmurModel read(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        String features = properties.getProperty("features", "");
        if (!features.equals(String.join(",", MurmurFeatures.NAMES))) {
            throw new IOException("murmur parameters for other features: " + features);
        }
        int d = MurmurFeatures.NAMES.size();
        List<Part> parts = new ArrayList<>();
        for (String key : properties.getProperty("attributes", "").split(",")) {
            if (key.isBlank()) {
                continue;
            }
            try {
                MurmurAttribute attribute = MurmurAttribute.ofKey(key);
                List<String> classes = List.of(required(properties, key + ".classes").split(","));
                double[][] weights = new double[classes.size()][];
                Arrays.setAll(weights, j -> numbers(required(properties, key + ".weights." + j), d + 1));
                SoftmaxRegression regression = new SoftmaxRegression(numbers(required(properties, key + ".mean"), d),
                        numbers(required(properties, key + ".sd"), d), weights);
                parts.add(new Part(attribute, classes, regression,
                        Boolean.parseBoolean(properties.getProperty(key + ".shown", "false"))));
            } catch (IllegalArgumentException e) {
                throw new IOException("murmur parameters, attribute " + key + ": " + e.getMessage(), e);
            }
        }
        return new MurmurModel(parts, Boolean.parseBoolean(properties.getProperty("phase.shown", "false")),
                ParameterFile.record(properties));
    }

    /** Writes the parameters to {@code file} (atomically; an existing file only with {@code replace}). */
    public void write(Path file, boolean replace) throws IOException {
        ParameterFile.write(file, replace, writer -> {
            writer.println("# Auscult murmur description: one multinomial logistic regression per attribute");
            writer.println("features=" + String.join(",", MurmurFeatures.NAMES));
            writer.println("attributes=" + String.join(",", parts.stream().map(p -> p.attribute().key()).toList()));
            for (Part part : parts) {
                String key = part.attribute().key();
                SoftmaxRegression r = part.regression();
                writer.println(key + ".classes=" + String.join(",", part.classes()));
                writer.println(key + ".shown=" + part.shown());
                writer.println(key + ".mean=" + ParameterFile.text(r.mean(), 8));
                writer.println(key + ".sd=" + ParameterFile.text(r.sd(), 8));
                double[][] weights = r.weights();
                for (int j = 0; j < weights.length; j++) {
                    writer.println(key + ".weights." + j + "=" + ParameterFile.text(weights[j], 8));
                }
            }
            writer.println("phase.shown=" + phaseShown);
        }, new TreeMap<>(record));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static double[] numbers(String text, int expected) {
        double[] values = Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        if (values.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " numbers, got " + values.length);
        }
        return values;
    }
}
