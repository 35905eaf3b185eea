package org.auscult.features;

import java.util.Arrays;
import java.util.List;

/**
 * The log-mel spectrogram as a feature: {@code dB[t,i]} of {@link MelSpectrogram} (Slaney mel bands, power in dB,
 * clipped at topDb below the recording's maximum). Columns {@code mel_01 .. mel_NN}, lowest band first.
 */
public final class MelSpectrogramFeature extends NamedFeature implements FeatureExtractor {

    public static final String NAME = "melspectrogram";

    public MelSpectrogramFeature() {
        super(NAME, "Mel spectrogram", "Slaney log-mel spectrogram: power of each mel band in dB, clipped at topDb "
                + "below the recording's maximum",
                List.of("frameSize", "hopSize", "window", "center", "padMode", "nMels", "fmin", "fmax", "topDb"));
    }

    @Override
    public List<String> columns(FeatureConfig config) {
        return FeatureNames.numbered("mel", config.nMels());
    }

    @Override
    public double[][] compute(AnalysisContext context) {
        MelSpectrogram mel = context.melSpectrogram();
        double[][] values = new double[mel.frameCount()][];
        Arrays.setAll(values, t -> mel.decibelFrame(t));
        return values;
    }
}
