package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.auscult.audio.AudioFiles;
import org.auscult.io.OutputTargets;
import org.auscult.learn.Separability;
import org.auscult.segmentation.SignalQuality;
import org.auscult.segmentation.quality.QualityEvidence;
import org.auscult.segmentation.quality.QualityEvidence.Recording;
import org.auscult.segmentation.quality.QualityMap;
import org.auscult.segmentation.quality.QualityModel;
import org.auscult.segmentation.quality.QualityTraining;
import org.auscult.segmentation.quality.UnsureReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code auscult bench quality}: the per-second quality model, patient-grouped cross-validated, against the targets of
 * docs/benchmarks.md; optionally writes the model fitted on all the recordings.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {
            "Fit the per-second signal-quality model (logistic regression on the quality indices) on CirCor annotated "
                    + "spans against unannotated seconds and PASCAL artifact recordings, with 5-fold patient-grouped "
                    + "cross-validation, and print per-second precision and recall of 'usable', the 'unsure' rates, "
                    + "the PASCAL artifact and noisy figures and, given classify predictions, murmur recall and "
                    + "normal specificity on the recordings judged. Every figure comes from a model that did not see "
                    + "the patient.",
            "--write-model FILE writes the model fitted on all the recordings with a record of its scores (the "
                    + "bundled one is src/main/resources/org/auscult/segmentation/quality/quality-model.properties)."
        })
final class BenchQuality implements Callable<Integer> {

    static final Path DEFAULT_CIRCOR = Path.of(System.getProperty("user.home"), "auscult-data", "circor2022",
            "training_data");
    static final Path DEFAULT_SAMPLES = Path.of("sample-recordings", "circor");

    @Spec
    CommandSpec spec;

    @Option(names = "--circor", paramLabel = "DIR",
            description = "CirCor-style folder of .wav with .tsv segmentations (default: ${DEFAULT-VALUE}).")
    Path circor = DEFAULT_CIRCOR;

    @Option(names = "--pascal", paramLabel = "DIR", description = "PASCAL 2011 folder with labels.csv "
            + "(default: ${DEFAULT-VALUE}).")
    Path pascal = BenchCommand.DEFAULT_DATA;

    @Option(names = "--samples", paramLabel = "DIR",
            description = "The bundled CirCor samples (default: ${DEFAULT-VALUE}).")
    Path samples = DEFAULT_SAMPLES;

    @Option(names = "--predictions", paramLabel = "FILE",
            description = "CSV written by 'classify --csv' on the CirCor folder, for murmur recall and normal "
                    + "specificity.")
    Path predictions;

    @Option(names = "--labels", paramLabel = "FILE", description = "CirCor labels.csv (path,label,...) for the "
            + "predictions (default: labels.csv beside the CirCor folder).")
    Path labels;

    @Option(names = "--other", paramLabel = "DIR", description = "Also judge every WAV under DIR (e.g. PhysioNet "
            + "2016, other stethoscopes) with the model on all recordings and print the unsure rate and reasons.")
    Path other;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep the computed indices here and reuse them (one file per source).")
    Path cache;

    @Option(names = "--write-model", paramLabel = "FILE", description = "Write the model fitted on all recordings.")
    Path writeModel;

    @Option(names = "--force", description = "Replace the --write-model FILE if it exists.")
    boolean force;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Recordings analysed at once (default: cores).")
    int jobs;

    @Override
    public Integer call() throws IOException {
        OutputTargets.check(force, RecordingInputs.readFrom(java.util.Arrays.asList(circor, pascal,
                samples, other), predictions, labels), writeModel);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(circor)) {
            throw new IllegalArgumentException(circor + ": no such folder; name the CirCor recordings with --circor");
        }
        int threads = Jobs.resolve(jobs);
        long start = System.nanoTime();
        List<Recording> circorRecordings = QualityEvidence.circor(circor, QualityEvidence.CIRCOR, cacheFile("circor"),
                threads);
        List<Recording> pascalRecordings = Files.isRegularFile(pascal.resolve("labels.csv"))
                ? QualityEvidence.pascal(pascal, cacheFile("pascal"), threads) : List.of();
        Map<String, String> groups = QualityEvidence.patientGroups(circor);
        List<Recording> sampleRecordings = new ArrayList<>();
        if (Files.isDirectory(samples)) {
            for (Recording r : QualityEvidence.circor(samples, QualityEvidence.SAMPLES, cacheFile("samples"),
                    threads)) {
                String patient = r.name().split("_")[0];
                sampleRecordings.add(new Recording(r.source(), r.name(), groups.getOrDefault(patient, patient),
                        r.durationSeconds(), r.oldQuality(), r.indices(), r.labels()));
            }
        }
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        List<Recording> artifacts = pascalRecordings.stream()
                .filter(r -> r.source().equals(QualityEvidence.PASCAL_ARTIFACT)).toList();
        List<Recording> noisy = pascalRecordings.stream()
                .filter(r -> r.source().equals(QualityEvidence.PASCAL_NOISY)).toList();
        List<Recording> training = new ArrayList<>(circorRecordings);
        training.addAll(artifacts);
        long fitStart = System.nanoTime();
        QualityTraining.CrossValidated cv = QualityTraining.crossValidate(training);
        double fitSeconds = (System.nanoTime() - fitStart) / 1e9;

        // per second, CirCor, held-out models
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        List<double[]> scored = new ArrayList<>();
        Map<String, QualityMap> circorMaps = new LinkedHashMap<>();
        for (Recording r : circorRecordings) {
            QualityMap map = QualityMap.of(r.indices(), r.durationSeconds(), cv.modelFor(r.group()));
            circorMaps.put(r.name(), map);
            double[] p = map.probability();
            for (int i = 0; i < p.length; i++) {
                boolean usable = map.usable(i);
                boolean annotated = r.labels()[i] == 1;
                tp += usable && annotated ? 1 : 0;
                fp += usable && !annotated ? 1 : 0;
                fn += !usable && annotated ? 1 : 0;
                tn += !usable && !annotated ? 1 : 0;
                scored.add(new double[] {p[i], annotated ? 1 : 0});
            }
        }
        double precision = tp / (double) Math.max(1, tp + fp);
        double recall = tp / (double) Math.max(1, tp + fn);
        double auc = auc(scored);
        long circorSeconds = tp + fp + fn + tn;

        int circorUnsure = (int) circorMaps.values().stream().filter(m -> !m.judgeable()).count();
        int circorOldUnsure = (int) circorRecordings.stream()
                .filter(r -> SignalQuality.isUnsure(r.oldQuality())).count();
        Map<UnsureReason, Integer> reasons = new EnumMap<>(UnsureReason.class);
        circorMaps.values().forEach(m -> m.reason().ifPresent(reason -> reasons.merge(reason, 1, Integer::sum)));

        int samplesUnsure = 0;
        int samplesOldUnsure = 0;
        List<String> sampleLines = new ArrayList<>();
        for (Recording r : sampleRecordings) {
            QualityMap map = QualityMap.of(r.indices(), r.durationSeconds(), cv.modelFor(r.group()));
            samplesUnsure += map.judgeable() ? 0 : 1;
            samplesOldUnsure += SignalQuality.isUnsure(r.oldQuality()) ? 1 : 0;
            sampleLines.add(String.format(Locale.ROOT, "  %-10s Q %.2f%s  %s", r.name(), r.oldQuality(),
                    SignalQuality.isUnsure(r.oldQuality()) ? " (unsure)" : "         ", map.describe()));
        }

        int artifactsMostlyUnusable = 0;
        double artifactUsable = 0;
        for (Recording r : artifacts) {
            QualityMap map = QualityMap.of(r.indices(), r.durationSeconds(), cv.modelFor(r.group()));
            artifactsMostlyUnusable += usableTime(map) < 0.5 * r.durationSeconds() ? 1 : 0;
            artifactUsable += map.usableFraction();
        }
        int noisyJudgeable = 0;
        double noisyUsable = 0;
        for (Recording r : noisy) {
            QualityMap map = QualityMap.of(r.indices(), r.durationSeconds(), cv.all());
            noisyJudgeable += map.judgeable() ? 1 : 0;
            noisyUsable += map.usableFraction();
        }

        out.printf(Locale.ROOT, "Signal-quality benchmark: %d CirCor recordings (%d seconds, %d patient groups), "
                        + "%d PASCAL artifact, %d PASCAL noisy, %d bundled samples; %d-fold patient-grouped CV%n",
                circorRecordings.size(), circorSeconds,
                circorRecordings.stream().map(Recording::group).distinct().count(), artifacts.size(), noisy.size(),
                sampleRecordings.size(), QualityTraining.FOLDS);
        out.printf(Locale.ROOT, "indices %.1f s (cached where --cache holds them), fitting %.1f s; threshold of the "
                + "model on all recordings %.3f, a recording judgeable from %d usable seconds%n", indexSeconds,
                fitSeconds, cv.all().threshold(), QualityMap.MIN_USABLE_SECONDS);
        out.printf("| measure | target | today (Q < 0.20) | per-second model |%n|---|---|---|---|%n");
        out.printf(Locale.ROOT, "| CirCor recordings unsure | <= 10 %% | %.1f %% (%d) | %.1f %% (%d) |%n",
                100.0 * circorOldUnsure / circorRecordings.size(), circorOldUnsure,
                100.0 * circorUnsure / circorRecordings.size(), circorUnsure);
        out.printf(Locale.ROOT, "| bundled samples unsure | <= 2 of %d | %d | %d |%n", sampleRecordings.size(),
                samplesOldUnsure, samplesUnsure);
        out.printf(Locale.ROOT, "| PASCAL artifacts with < half usable | >= 90 %% | - | %.1f %% (%d of %d) |%n",
                100.0 * artifactsMostlyUnusable / Math.max(1, artifacts.size()), artifactsMostlyUnusable,
                artifacts.size());
        out.printf(Locale.ROOT, "| per-second usable precision (CirCor annotated) | >= 0.90 | - | %.3f |%n",
                precision);
        out.printf(Locale.ROOT, "| per-second usable recall (CirCor annotated) | >= 0.90 | - | %.3f |%n", recall);
        out.printf(Locale.ROOT, "| AUC annotated vs unannotated seconds | - | - | %.3f |%n", auc);
        out.printf(Locale.ROOT, "| unannotated CirCor seconds marked usable | - | - | %.1f %% |%n",
                100.0 * fp / Math.max(1, fp + tn));
        out.printf(Locale.ROOT, "| CirCor seconds annotated / marked usable | - | - | %.1f %% / %.1f %% |%n",
                100.0 * (tp + fn) / Math.max(1, circorSeconds), 100.0 * (tp + fp) / Math.max(1, circorSeconds));
        out.printf(Locale.ROOT, "| PASCAL artifact mean usable fraction | - | - | %.3f |%n",
                artifactUsable / Math.max(1, artifacts.size()));
        out.printf(Locale.ROOT, "| PASCAL noisy judgeable / mean usable fraction | - | - | %.1f %% / %.3f |%n",
                100.0 * noisyJudgeable / Math.max(1, noisy.size()), noisyUsable / Math.max(1, noisy.size()));
        if (predictions != null) {
            murmurFigures(out, circorRecordings, circorMaps);
        }
        out.println("CirCor unsure reasons: " + reasons);
        if (other != null) {
            List<Recording> others = QualityEvidence.unlabelled(other, "other", cacheFile("other"), threads);
            Map<UnsureReason, Integer> otherReasons = new EnumMap<>(UnsureReason.class);
            double usable = 0;
            for (Recording r : others) {
                QualityMap map = QualityMap.of(r.indices(), r.durationSeconds(), cv.all());
                map.reason().ifPresent(reason -> otherReasons.merge(reason, 1, Integer::sum));
                usable += map.usableFraction();
            }
            int unsure = otherReasons.values().stream().mapToInt(Integer::intValue).sum();
            int oldUnsure = (int) others.stream().filter(r -> SignalQuality.isUnsure(r.oldQuality())).count();
            out.printf(Locale.ROOT, "%s: %d recordings, unsure %.1f %% (today %.1f %%), mean usable fraction %.3f, "
                            + "reasons %s%n", other, others.size(), 100.0 * unsure / Math.max(1, others.size()),
                    100.0 * oldUnsure / Math.max(1, others.size()), usable / Math.max(1, others.size()), otherReasons);
        }
        out.println("Bundled samples (Q = today's index; per-second model held out from the sample's patient):");
        sampleLines.forEach(out::println);
        out.println("Weights of the model on all recordings (standardised indices): " + cv.all().namedWeights()
                .entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()))
                .toList());
        if (writeModel != null) {
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("trained.on", String.format(Locale.ROOT, "%d CirCor recordings (%d seconds: annotated spans "
                            + "usable, unannotated seconds not) from %s and %d PASCAL artifact recordings (every second "
                            + "not usable, weight %.0f)", circorRecordings.size(), circorSeconds, circor,
                    artifacts.size(), QualityTraining.ARTIFACT_WEIGHT));
            notes.put("scored.cross_validation", QualityTraining.FOLDS + "-fold patient-grouped, seed "
                    + QualityTraining.SEED);
            notes.put("scored.per_second", String.format(Locale.ROOT,
                    "precision %.3f recall %.3f AUC %.3f against the CirCor annotated spans", precision, recall, auc));
            notes.put("scored.unsure", String.format(Locale.ROOT, "%.1f %% of CirCor recordings, %d of %d bundled "
                    + "samples", 100.0 * circorUnsure / circorRecordings.size(), samplesUnsure, sampleRecordings.size()));
            notes.put("scored.pascal_artifacts", String.format(Locale.ROOT, "%d of %d with under half usable",
                    artifactsMostlyUnusable, artifacts.size()));
            QualityModel model = cv.all().with(cv.all().threshold(), notes);
            model.write(writeModel, force);
            out.println("Wrote " + writeModel);
        }
        out.flush();
        return AuscultCommand.EXIT_OK;
    }

    private Optional<Path> cacheFile(String source) {
        return cache == null ? Optional.empty() : Optional.of(cache.resolve(source + "-quality-indices.tsv"));
    }

    /** Usable seconds, the last partial second counted with the one before it. */
    private static double usableTime(QualityMap map) {
        return map.usableStretches().stream().mapToDouble(QualityMap.Stretch::duration).sum();
    }

    private void murmurFigures(PrintWriter out, List<Recording> recordings, Map<String, QualityMap> maps)
            throws IOException {
        Path labelFile = labels != null ? labels : circor.toAbsolutePath().getParent().resolve("labels.csv");
        Map<String, String> truth = new HashMap<>();
        List<String> labelLines = Files.readAllLines(labelFile, StandardCharsets.UTF_8);
        for (String line : labelLines.subList(1, labelLines.size())) {
            String[] f = line.split(",", -1);
            String name = AudioFiles.stripExtension(Path.of(f[0]).getFileName().toString());
            truth.put(name, f[1]);
        }
        Map<String, String> predicted = new HashMap<>();
        List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            predicted.put(AudioFiles.stripExtension(Path.of(f[0]).getFileName().toString()), f[1]);
        }
        Map<String, Recording> byName = new HashMap<>();
        recordings.forEach(r -> byName.put(r.name(), r));
        Map<String, Predicate<String>> subsets = new LinkedHashMap<>();
        subsets.put("today sure (Q >= 0.20)", n -> !SignalQuality.isUnsure(byName.get(n).oldQuality()));
        subsets.put("today unsure", n -> SignalQuality.isUnsure(byName.get(n).oldQuality()));
        subsets.put("judgeable (per-second model)", n -> maps.get(n).judgeable());
        subsets.put("judgeable, today unsure", n -> maps.get(n).judgeable()
                && SignalQuality.isUnsure(byName.get(n).oldQuality()));
        subsets.put("unsure (per-second model)", n -> !maps.get(n).judgeable());
        subsets.put("all", n -> true);
        double[] usableByClass = new double[4];
        for (Recording r : recordings) {
            String label = truth.getOrDefault(r.name(), "");
            int k = label.equals("murmur") ? 0 : label.equals("normal") ? 2 : -1;
            if (k >= 0) {
                usableByClass[k] += maps.get(r.name()).usableFraction();
                usableByClass[k + 1]++;
            }
        }
        out.printf(Locale.ROOT, "mean usable fraction (held out): murmur recordings %.3f, normal recordings %.3f%n",
                usableByClass[0] / Math.max(1, usableByClass[1]), usableByClass[2] / Math.max(1, usableByClass[3]));
        out.println("| recordings (bundled model, classify) | n | murmur recall | normal specificity |");
        out.println("|---|---|---|---|");
        for (Map.Entry<String, Predicate<String>> e : subsets.entrySet()) {
            int murmurs = 0;
            int found = 0;
            int normals = 0;
            int kept = 0;
            int n = 0;
            for (String name : byName.keySet()) {
                if (!predicted.containsKey(name) || !e.getValue().test(name)) {
                    continue;
                }
                n++;
                String label = truth.getOrDefault(name, "");
                if (label.equals("murmur")) {
                    murmurs++;
                    found += predicted.get(name).equals("murmur") ? 1 : 0;
                } else if (label.equals("normal")) {
                    normals++;
                    kept += predicted.get(name).equals("normal") ? 1 : 0;
                }
            }
            out.printf(Locale.ROOT, "| %s | %d | %.3f (%d/%d) | %.3f (%d/%d) |%n", e.getKey(), n,
                    found / (double) Math.max(1, murmurs), found, murmurs, kept / (double) Math.max(1, normals), kept,
                    normals);
        }
    }

    /** Area under the ROC curve of scores {@code s[0]} against labels {@code s[1]} (Mann-Whitney, ties halved). */
    static double auc(List<double[]> scored) {
        return Separability.auc(scored.stream().filter(s -> s[1] == 1).mapToDouble(s -> s[0]).toArray(),
                scored.stream().filter(s -> s[1] != 1).mapToDouble(s -> s[0]).toArray());
    }
}
