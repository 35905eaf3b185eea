package org.auscult.segmentation;

import java.util.List;

import org.auscult.features.AnalysisContext;
import org.auscult.features.FeatureConfig;
import org.auscult.features.NamedFeature;
import org.auscult.features.RecordingFeature;

/**
 * Feature group {@code quality}: the signal-quality index of the segmentation ({@link SignalQuality}):
 * {@code quality_index = P · F}, {@code quality_periodicity} (P), {@code quality_fit} (F) and
 * {@code quality_unsure} (1 when the index is below {@link SignalQuality#UNSURE_BELOW}, else 0).
 */
public final class QualityFeature extends NamedFeature implements RecordingFeature {

    public static final String NAME = "quality";
    /** The column of the index itself. */
    public static final String INDEX = "quality_index";
    private static final List<String> NAMES = List.of(INDEX, "quality_periodicity", "quality_fit",
            "quality_unsure");

    public QualityFeature() {
        super(NAME, "Signal quality",
                "Signal quality of the heart cycle (0-1): envelope periodicity times segmentation fit, and whether "
                        + "a verdict should be 'unsure'",
                List.of());
    }

    @Override
    public List<String> valueNames(FeatureConfig config) {
        return NAMES;
    }

    @Override
    public double[] compute(AnalysisContext context) {
        HeartSoundSegmenter.CycleAnalysis analysis = CycleFeatures.analysis(context);
        double index = analysis.segmentation().qualityIndex();
        return new double[] {index, analysis.heartRate().periodicity(), analysis.fit(),
            SignalQuality.isUnsure(index) ? 1 : 0};
    }
}
