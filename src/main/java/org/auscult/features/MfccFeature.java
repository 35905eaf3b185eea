package org.auscult.features;

import java.util.List;

/**
 * Mel-frequency cepstral coefficients, {@code librosa.feature.mfcc(dct_type=2, norm='ortho', lifter=0)}:
 * the orthonormal DCT-II of each frame of the clipped log-mel spectrogram ({@link MelSpectrogram}), keeping the
 * first nMfcc coefficients:
 * <pre>
 *   mfcc[t,k] = s_k sum_{i=0}^{nMels-1} dB[t,i] cos(pi k (2i + 1) / (2 nMels)),   s_0 = sqrt(1/nMels), s_k = sqrt(2/nMels)
 * </pre>
 * Columns {@code mfcc_01 .. mfcc_NN}; {@code mfcc_01} is the 0th coefficient (the scaled mean log energy).
 */
public final class MfccFeature extends NamedFeature implements FeatureExtractor {

    public static final String NAME = "mfcc";

    public MfccFeature() {
        super(NAME, "MFCCs (spectral shape)",
                "Mel-frequency cepstral coefficients: orthonormal DCT-II of the Slaney log-mel spectrogram (dB)",
                List.of("frameSize", "hopSize", "window", "center", "padMode", "nMfcc", "nMels", "fmin", "fmax",
                        "topDb"));
    }

    @Override
    public List<String> columns(FeatureConfig config) {
        return FeatureNames.numbered(NAME, config.nMfcc());
    }

    @Override
    public double[][] compute(AnalysisContext context) {
        FeatureConfig config = context.config();
        DctMatrix dct = context.table("mfcc-dct", DctMatrix.class,
                () -> DctMatrix.orthonormal(config.nMfcc(), config.nMels()));
        return compute(context.melSpectrogram(), dct);
    }

    /** The MFCC of every frame of {@code melSpectrogram}: {@code dct} applied to each frame's dB values. */
    public static double[][] compute(MelSpectrogram melSpectrogram, DctMatrix dct) {
        if (dct.inputLength() != melSpectrogram.melCount()) {
            throw new IllegalArgumentException("DCT of length " + dct.inputLength() + " for "
                    + melSpectrogram.melCount() + " mel bands");
        }
        int mels = melSpectrogram.melCount();
        double[] decibels = melSpectrogram.decibelArray();
        double[][] mfcc = new double[melSpectrogram.frameCount()][dct.outputCount()];
        for (int t = 0; t < mfcc.length; t++) {
            dct.apply(decibels, t * mels, mfcc[t], 0);
        }
        return mfcc;
    }
}
