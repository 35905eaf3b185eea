package org.auscult.features;

import java.util.List;

/**
 * A feature that exists only to prove the extension mechanism: one class, registered by one line in
 * src/test/resources/META-INF/services/org.auscult.features.FeatureExtractor. Peak absolute sample value of each
 * frame (uncentred framing reads only the recording; centred frames see zero padding).
 */
public final class PeakAmplitudeTestFeature implements FeatureExtractor {

    public static final String NAME = "test_peak_amplitude";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Peak absolute sample value of each frame (test feature)";
    }

    @Override
    public List<String> parameters() {
        return List.of("frameSize", "hopSize", "center");
    }

    @Override
    public List<String> columns(FeatureConfig config) {
        return List.of("peak_amplitude");
    }

    @Override
    public double[][] compute(AnalysisContext context) {
        FeatureConfig config = context.config();
        float[] samples = context.clip().samples();
        double[][] values = new double[context.frameCount()][1];
        for (int t = 0; t < values.length; t++) {
            long start = config.frameStart(t);
            double peak = 0;
            for (long n = Math.max(0, start); n < Math.min(samples.length, start + config.frameSize()); n++) {
                peak = Math.max(peak, Math.abs(samples[(int) n]));
            }
            values[t][0] = peak;
        }
        return values;
    }
}
