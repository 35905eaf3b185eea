package org.auscult.labels.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.analysis.FeatureTableBuilder;
import org.auscult.analysis.FeatureTableFormat;
import org.auscult.labels.LabelStore;
import org.auscult.library.RecordingCollection;

/**
 * The labelled feature table for Weka or Python: every recording of a collection analysed as
 * {@link FeatureTableBuilder} does, with the label from the store (see {@link StoreCollection}), written as ARFF or
 * CSV by {@link FeatureTableFormat} (chosen by the file's extension).
 */
public final class LabelledFeatureTable {

    private LabelledFeatureTable() {
    }

    /** Every file an export to {@code table} writes (a CSV table has its configuration beside it). */
    public static List<Path> files(Path table) {
        return FeatureTableFormat.forFile(table).files(table);
    }

    public static FeatureTableBuilder.Result export(RecordingCollection collection, LabelStore store,
                                                    AnalysisConfig config, int jobs, Path table, boolean overwrite)
            throws IOException {
        FeatureTableFormat format = FeatureTableFormat.forFile(table);
        RecordingCollection labelled = StoreCollection.withStoreLabels(collection, store);
        List<FeatureTableBuilder.Input> inputs = labelled.recordings().stream().map(FeatureTableBuilder.Input::of)
                .toList();
        FeatureTableBuilder.Result result = new FeatureTableBuilder(config, jobs).build(inputs, (done, total, s) -> {
        });
        format.write(result.table(), table, overwrite);
        return result;
    }
}
