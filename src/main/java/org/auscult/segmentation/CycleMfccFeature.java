package org.auscult.segmentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.auscult.features.AnalysisContext;
import org.auscult.features.FeatureConfig;
import org.auscult.features.NamedFeature;
import org.auscult.features.MfccFeature;
import org.auscult.features.RecordingFeature;

/**
 * Feature group {@code cycle_mfcc}: the MFCCs of each state of the heart cycle. For state s in S1, systole, S2,
 * diastole and coefficient k, {@code cycle_mfcc_<s>_<k>} is the mean of {@code mfcc_k} over the frames whose centre
 * lies in a complete segment of state s (the first and last segments, cut by the recording's ends, are left out), so
 * the sound of systole is no longer averaged with that of the heart sounds. The MFCCs are those of the {@code mfcc}
 * feature under the same configuration. A state without frames takes the mean over all frames of the recording.
 */
public final class CycleMfccFeature extends NamedFeature implements RecordingFeature {

    public static final String NAME = "cycle_mfcc";
    private static final CardiacState[] STATES = {CardiacState.S1, CardiacState.SYSTOLE, CardiacState.S2,
        CardiacState.DIASTOLE};
    private static final MfccFeature MFCC = new MfccFeature();
    private static final String SHARED_NAME = "segmentation.state-mfcc";

    public CycleMfccFeature() {
        super(NAME, "MFCCs per heart-cycle phase",
                "Mean MFCCs within S1, systole, S2 and diastole (per-cycle spectral shape)",
                MFCC.parameters());
    }

    @Override
    public List<String> valueNames(FeatureConfig config) {
        List<String> names = new ArrayList<>();
        for (CardiacState state : STATES) {
            for (int k = 1; k <= config.nMfcc(); k++) {
                names.add(String.format(Locale.ROOT, "cycle_mfcc_%s_%02d", state.name().toLowerCase(Locale.ROOT), k));
            }
        }
        return names;
    }

    /** Computed once per recording and shared with {@code cycle_murmur}, which takes differences of these means. */
    @Override
    public double[] compute(AnalysisContext context) {
        return context.shared(SHARED_NAME, double[].class, () -> stateMeans(context)).clone();
    }

    private static double[] stateMeans(AnalysisContext context) {
        FeatureConfig config = context.config();
        int coefficients = config.nMfcc();
        double[][] mfcc = MFCC.compute(context);
        List<Segment> complete = CycleFeatures.completeSegments(CycleFeatures.analysis(context).segmentation());
        double[] sums = new double[STATES.length * coefficients];
        int[] counts = new int[STATES.length];
        int segmentIndex = 0;
        for (int t = 0; t < mfcc.length && !complete.isEmpty(); t++) {
            double centre = (config.frameStart(t) + config.frameSize() / 2.0) / context.sampleRate();
            while (segmentIndex < complete.size() && complete.get(segmentIndex).endSeconds() <= centre) {
                segmentIndex++;
            }
            if (segmentIndex == complete.size()) {
                break;
            }
            Segment segment = complete.get(segmentIndex);
            if (centre < segment.startSeconds()) {
                continue;
            }
            int state = segment.state().code() - 1;
            counts[state]++;
            for (int k = 0; k < coefficients; k++) {
                sums[state * coefficients + k] += mfcc[t][k];
            }
        }
        double[] overall = new double[coefficients];
        for (double[] frame : mfcc) {
            for (int k = 0; k < coefficients; k++) {
                overall[k] += frame[k] / mfcc.length;
            }
        }
        double[] values = new double[sums.length];
        for (int s = 0; s < STATES.length; s++) {
            for (int k = 0; k < coefficients; k++) {
                values[s * coefficients + k] = counts[s] == 0 ? overall[k] : sums[s * coefficients + k] / counts[s];
            }
        }
        return values;
    }
}
