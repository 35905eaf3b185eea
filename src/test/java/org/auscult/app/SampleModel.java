package org.auscult.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.Datasets;
import org.auscult.analysis.FeatureRow;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.LoadedModel;
import org.auscult.learn.LabelledDataset;
import org.auscult.learn.ModelSpec;
import org.auscult.learn.Preset;
import org.auscult.learn.RandomForestOptions;
import org.auscult.learn.Trainer;
import org.auscult.library.CollectionImporter;
import org.auscult.library.ImportOptions;
import org.auscult.library.Recording;
import org.auscult.library.RecordingCollection;

/** A small random forest (20 trees, seed 1) trained on the bundled CirCor samples, for tests that need a verdict. */
public final class SampleModel {

    /** The bundled sample recordings, relative to the project folder (the tests' working directory). */
    public static final Path CIRCOR = Path.of("sample-recordings", "circor");

    private static LoadedModel model;

    private SampleModel() {
    }

    public static synchronized LoadedModel get() throws Exception {
        if (model == null) {
            model = trainOn(CIRCOR, "test forest on circor");
        }
        return model;
    }

    /** A small random forest (20 trees, seed 1) trained on every labelled recording of {@code folder}. */
    public static LoadedModel trainOn(Path folder, String name) throws Exception {
        AnalysisConfig config = AnalysisConfig.defaults();
        RecordingCollection collection = new CollectionImporter().importCollection(folder, ImportOptions.defaults());
        List<FeatureTableBuilder.Input> inputs = new ArrayList<>();
        for (Recording recording : collection.trainable()) {
            inputs.add(new FeatureTableBuilder.Input(recording.path(), recording.id(), recording.label().orElseThrow(),
                    recording.patient(), recording.source()));
        }
        FeatureTableBuilder.Result result = new FeatureTableBuilder(config, 2).build(inputs, (done, total, s) -> { });
        List<String> classes = result.table().labels();
        int rows = result.table().rows().size();
        double[][] features = new double[rows][];
        int[] classIndex = new int[rows];
        String[] ids = new String[rows];
        String[] groups = new String[rows];
        String[] sources = new String[rows];
        for (int i = 0; i < rows; i++) {
            FeatureRow row = result.table().rows().get(i);
            features[i] = row.values();
            classIndex[i] = classes.indexOf(row.label());
            ids[i] = row.id();
            groups[i] = row.patient();
            sources[i] = row.source();
        }
        LabelledDataset data = new LabelledDataset(result.table().featureNames(), classes, features, classIndex, ids,
                groups, sources);
        ModelSpec spec = ModelSpec.of(Preset.RANDOM_FOREST).withForest(RandomForestOptions.DEFAULTS.withTrees(20));
        return new LoadedModel(Trainer.train(data, spec, config.toProperties(), null,
                Datasets.recordingFacts(result.table())), name);
    }
}
