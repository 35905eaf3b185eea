/**
 * Frame-level audio features of heart-sound recordings, with librosa's definitions (verified against librosa 0.10.1
 * reference vectors).
 *
 * <h2>Pipeline</h2>
 * A {@link org.auscult.features.FeatureEngine} takes an {@link org.auscult.audio.AudioClip} (mono, already
 * decoded, resampled and filtered) and a validated {@link org.auscult.features.FeatureConfig}. It frames the audio
 * once, computes the {@link org.auscult.features.Spectrogram} once, lets each enabled
 * {@link org.auscult.features.FeatureExtractor} (looked up by name in the {@link org.auscult.features.FeatureRegistry})
 * produce a per-frame {@link org.auscult.features.FrameSeries}, and summarises every column over the recording into a
 * {@link org.auscult.features.FeatureVector} ({@code mfcc_01_mean, mfcc_01_std, ..., zcr_mean, ...}).
 *
 * <h2>Framing</h2>
 * With N = frameSize, H = hopSize and a recording x[0..L-1]: centred frames (the default) are padded by N/2 samples
 * on each side, frame t covers x[tH - N/2 .. tH + N/2 - 1] and there are {@code 1 + L/H} frames (integer division),
 * so even an empty recording has one frame. Uncentred frames start at tH and there are {@code 1 + (L - N)/H}, none
 * when L &lt; N. The STFT pads with zeros (padMode = constant); the zero-crossing rate repeats the edge samples.
 * Frame t is at time tH / sampleRate seconds.
 *
 * <h2>Formulas</h2>
 * With w the periodic window ({@code w[n] = 0.5 - 0.5 cos(2 pi n / N)} for Hann), f_k = k sampleRate / N and
 * {@code X[t,k] = sum_n w[n] x[tH - N/2 + n] exp(-2 pi i n k / N)} for k = 0 .. N/2:
 * <ul>
 *   <li><b>mel spectrogram</b>: {@code M[t,i] = sum_k W[i,k] |X[t,k]|^2} with the Slaney mel filterbank W
 *       (triangles between mel-spaced edges, area-normalised by 2 / (hz[i+2] - hz[i])), then
 *       {@code dB = max(10 log10(max(1e-10, M)), max over the whole recording - topDb)}.</li>
 *   <li><b>mfcc</b>: orthonormal DCT-II of each frame's dB values,
 *       {@code c[t,k] = s_k sum_i dB[t,i] cos(pi k (2i+1) / (2 nMels))}, s_0 = sqrt(1/nMels), s_k = sqrt(2/nMels);
 *       the first nMfcc kept.</li>
 *   <li><b>zcr</b>: {@code (1/N) sum_{j=1}^{N-1} [sign change between samples j-1 and j of the frame]}, with
 *       |x| &lt;= 1e-10 counted as positive.</li>
 *   <li><b>spectral_centroid</b>: {@code sum_k f_k |X[t,k]| / sum_k |X[t,k]|} (0 for a silent frame).</li>
 *   <li><b>spectral_rolloff</b>: the smallest f_k with {@code sum_{j<=k} |X[t,j]| >= rolloffPercent * sum_j |X[t,j]|}.</li>
 *   <li><b>chroma</b>: {@code raw[t,c] = sum_k F[c,k] |X[t,k]|^2} with librosa's chroma filterbank F (Gaussian bumps
 *       around each pitch class, octave-weighted around C5, rows from C), divided by the frame's maximum.</li>
 * </ul>
 * Each extractor's javadoc gives its formula in full; {@link org.auscult.features.MelFilterbank},
 * {@link org.auscult.features.ChromaFilterbank} and {@link org.auscult.features.DctMatrix} give the tables'.
 *
 * <h2>Adding a feature</h2>
 * Implement {@link org.auscult.features.FeatureExtractor} (name, description, parameters read, column names,
 * computation from an {@link org.auscult.features.AnalysisContext}) and register it: one line in
 * {@code META-INF/services/org.auscult.features.FeatureExtractor}, or
 * {@link org.auscult.features.FeatureRegistry#register(org.auscult.features.FeatureExtractor)}.
 *
 * <h2>Recording-level groups</h2>
 * Some measures exist once per recording, not per frame (the heart rate, the energy in systole).
 * A {@link org.auscult.features.RecordingFeature} returns its values directly; they enter the summary vector under
 * their own names, in the place the group's name has in {@link org.auscult.features.FeatureConfig#features()}, and
 * are enabled by name like any frame feature. Registration: {@code META-INF/services/org.auscult.features.RecordingFeature}
 * or {@link org.auscult.features.FeatureRegistry#register(org.auscult.features.RecordingFeature)}. The heart-cycle
 * groups {@code rhythm}, {@code quality}, {@code cycle}, {@code cycle_mfcc} and {@code cycle_murmur} of
 * {@code org.auscult.segmentation} register this way, so this package does not depend on that one. Work several
 * groups share (one segmentation per recording) goes through {@link org.auscult.features.AnalysisContext#shared}.
 *
 * <h2>Threads</h2>
 * Configurations, results, filterbanks and extractors are immutable. A {@link org.auscult.features.FeatureEngine}
 * and an {@link org.auscult.features.Stft} reuse buffers: one per thread.
 */
package org.auscult.features;
