package org.auscult.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.auscult.app.SampleModel;
import org.auscult.features.FeatureConfig;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Preset;
import org.auscult.learn.RandomForestOptions;
import org.auscult.learn.TrainedModel;
import org.auscult.learn.Trainer;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.RecordingCollection;
import org.junit.jupiter.api.Test;

/** A model keeps judging after a feature group it was trained on gains values. */
class ModelColumnsTest {

    @Test
    void aModelsFeaturesAreTakenByNameInItsOwnOrder() {
        ModelColumns columns = ModelColumns.of(List.of("a", "b", "new", "c"), List.of("c", "a"));
        assertArrayEquals(new double[] {4, 1}, columns.select(new double[] {1, 2, 3, 4}));
    }

    @Test
    void aFeatureTheAnalysisDoesNotProduceIsNamed() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ModelColumns.of(List.of("a", "b"), List.of("a", "gone")));
        assertTrue(refused.getMessage().contains("1 feature(s)"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("produce: gone (was it made by another version of Auscult?)"),
                refused.getMessage());
    }

    /** As a model trained before {@code cycle_murmur} had its early-systole values: it judges from the rest. */
    @Test
    void aModelTrainedOnFewerValuesOfItsGroupsJudgesFromThem() throws Exception {
        AnalysisConfig config = AnalysisConfig.defaults()
                .withFeatures(FeatureConfig.defaults().withFeatures(List.of("mfcc", "cycle_murmur")));
        RecordingCollection samples = new CollectionImporter().importCollection(SampleModel.CIRCOR,
                ImportOptions.defaults());
        FeatureTable table = new FeatureTableBuilder(config, 2).build(samples.trainable().stream()
                .map(r -> new FeatureTableBuilder.Input(r.path(), r.id(), r.label().orElseThrow(), r.patient(),
                        r.source())).toList(), (done, total, seconds) -> { }).table();
        List<String> all = table.featureNames();
        int[] kept = IntStream.range(0, all.size()).filter(i -> !all.get(i).contains("early")).toArray();
        assertEquals(all.size() - 5, kept.length, "the five early-systole values left out");
        LabelledDataset full = Datasets.of(table);
        double[][] rows = new double[full.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = pick(full.features()[i], kept);
        }
        LabelledDataset older = new LabelledDataset(IntStream.of(kept).mapToObj(all::get).toList(), full.classNames(),
                rows, full.classIndex(), full.ids(), full.groups(), full.sources());
        TrainedModel trained = Trainer.train(older, ModelSpec.of(Preset.RANDOM_FOREST)
                .withForest(RandomForestOptions.DEFAULTS.withTrees(10)), config.toProperties(), null);

        Path file = SampleModel.CIRCOR.resolve("69120_TV.wav");
        RecordingAnalyzer.Analysis analysis = RecordingAnalyzer.judging(new LoadedModel(trained, "older model"), null,
                false).analyze(file);
        assertEquals(all, analysis.features().summary().names(), "the analysis measures every value");
        assertArrayEquals(trained.posterior(pick(analysis.features().summary().values(), kept)),
                analysis.verdict().probabilities(), 1e-12);
    }

    private static double[] pick(double[] values, int[] columns) {
        return IntStream.of(columns).mapToDouble(c -> values[c]).toArray();
    }
}
