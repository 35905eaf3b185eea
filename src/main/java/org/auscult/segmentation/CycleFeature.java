package org.auscult.segmentation;

import java.util.List;

import org.auscult.features.AnalysisContext;
import org.auscult.features.FeatureConfig;
import org.auscult.features.NamedFeature;
import org.auscult.features.RecordingFeature;

/**
 * Feature group {@code cycle}: energy and peaks inside the heart cycle, {@link CycleFeatures#CYCLE_NAMES}, defined in
 * {@link CycleFeatures}.
 */
public final class CycleFeature extends NamedFeature implements RecordingFeature {

    public static final String NAME = "cycle";

    public CycleFeature() {
        super(NAME, "Heart-cycle energy",
                "Heart-cycle energy: systolic and diastolic energy and their ratio, energy above 200 Hz in each, "
                        + "S1/S2 amplitude ratio, extra peaks in diastole (S3/S4 candidates)",
                List.of());
    }

    @Override
    public List<String> valueNames(FeatureConfig config) {
        return CycleFeatures.CYCLE_NAMES;
    }

    @Override
    public double[] compute(AnalysisContext context) {
        return CycleFeatures.cycleValues(context.clip(), CycleFeatures.analysis(context));
    }
}
