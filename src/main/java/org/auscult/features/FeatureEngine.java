package org.auscult.features;

import org.auscult.dsp.ParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.auscult.audio.AudioClip;

/**
 * Extracts the enabled features of a {@link FeatureConfig} from recordings: frames the audio once, computes the
 * spectrogram once, lets every enabled feature read it, and summarises each per-frame column over the recording with
 * the configured statistics; the enabled recording-level groups ({@link RecordingFeature}) add their values as they
 * are.
 *
 * <p>An engine keeps its FFT, window, frame buffer and the tables that depend only on the sample rate (filterbanks,
 * DCT matrix) from one recording to the next, so it is <b>not thread-safe</b>: use one engine per thread. It can
 * analyse recordings of different sample rates; all frequencies are in Hz.
 *
 * <p>Short recordings: with centred frames (the default) every recording, even an empty one, gives
 * {@code 1 + length / hopSize >= 1} frames, read through the padding. Without centring a recording shorter than one
 * frame gives no frames, and its summary values are NaN (missing).
 */
public final class FeatureEngine {

    private final FeatureConfig config;
    private final List<FeatureExtractor> extractors;
    private final List<RecordingFeature> recordingFeatures;
    private final List<String> summaryNames;
    private final boolean readsMelRange;
    private final Stft stft;
    private final Map<String, Object> tables = new HashMap<>();

    /** An engine for {@code config}. */
    public FeatureEngine(FeatureConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.extractors = FeatureRegistry.enabled(config);
        this.recordingFeatures = FeatureRegistry.enabledRecordingFeatures(config);
        this.summaryNames = FeatureRegistry.summaryNames(config);
        this.readsMelRange = extractors.stream().anyMatch(e -> e.parameters().contains("fmax"))
                || recordingFeatures.stream().anyMatch(f -> f.parameters().contains("fmax"));
        this.stft = new Stft(config);
    }

    public FeatureConfig config() {
        return config;
    }

    /** The names of the summary vector, as {@link FeatureRegistry#summaryNames(FeatureConfig)}. */
    public List<String> summaryNames() {
        return summaryNames;
    }

    /**
     * Bytes the extraction of a clip of {@code samples} samples holds at its peak, from the configuration. Two
     * phases, whose larger peak counts, because the spectra are let go before the heart-cycle groups run:
     * <ul>
     *   <li>frame features, per frame ({@code F = samples / hopSize + 1}, {@code B = frameSize / 2 + 1} bins): the
     *       STFT power {@code 8 B}, the mel power and decibels {@code 16 nMels}, and the series rows kept for the
     *       summary, {@code S = 8 (nMfcc + nMels + nChroma) + 6 · 24 + 16} (array headers, the summary's column
     *       and sort scratch);</li>
     *   <li>heart-cycle groups (when one is enabled): the series rows {@code S} per frame, plus
     *       {@value #SEGMENTATION_BYTES_PER_SAMPLE} bytes per sample for the segmentation's envelopes at 1 kHz, its
     *       FFT work arrays and the murmur group's band signals (measured: see
     *       docs/decisions/bounded-memory-analysis.md).</li>
     * </ul>
     * Counts every frame feature, enabled or not, so it errs high.
     */
    public long estimatedBytes(long samples) {
        long frames = samples / config.hopSize() + 1;
        long bins = config.frameSize() / 2 + 1;
        long series = 8L * (config.nMfcc() + config.nMels() + config.nChroma()) + 6 * 24 + 16;
        long framePhase = frames * (8 * bins + 16L * config.nMels() + series);
        long cyclePhase = recordingFeatures.isEmpty() ? 0 : frames * series + SEGMENTATION_BYTES_PER_SAMPLE * samples;
        return Math.max(framePhase, cyclePhase);
    }

    /** Bytes per analysis-rate sample the heart-cycle groups hold at their peak, measured with a margin. */
    static final long SEGMENTATION_BYTES_PER_SAMPLE = 48;

    /**
     * The per-frame series of every enabled feature of {@code clip} and their summary.
     *
     * @throws ParameterException when the configuration does not fit the clip's sample rate (fmax above Nyquist)
     */
    public FeatureSet extract(AudioClip clip) {
        return extract(clip, new HashMap<>());
    }

    /**
     * As {@link #extract(AudioClip)}, with the results the features share about this recording
     * ({@link AnalysisContext#shared}) kept in {@code shared}: what it holds already is used as it is, and what the
     * features compute is left in it, so that the caller analyses the recording further from the same results (the
     * heart-cycle segmentation, say) instead of computing them again.
     */
    public FeatureSet extract(AudioClip clip, Map<String, Object> shared) {
        Objects.requireNonNull(clip, "clip");
        if (readsMelRange) {
            config.melUpperFrequency(clip.sampleRate());
        }
        AnalysisContext context = new AnalysisContext(clip, config, stft, tables, shared);
        List<FrameSeries> series = new ArrayList<>(extractors.size());
        extractors.forEach(extractor -> series.add(extractor.extract(context)));
        context.releaseSpectra();   // the recording-level groups work on the clip: keep the peak to one phase
        Map<String, double[]> recordingValues = new HashMap<>();
        for (RecordingFeature feature : recordingFeatures) {
            double[] values = feature.compute(context);
            int expected = feature.valueNames(config).size();
            if (values.length != expected) {
                throw new IllegalStateException("recording feature '" + feature.name() + "' computed "
                        + values.length + " values for " + expected + " names");
            }
            recordingValues.put(feature.name(), values);
        }
        return new FeatureSet(config, clip.sampleRate(), clip.length(), series, summarise(series, recordingValues));
    }

    /**
     * In {@link #summaryNames()} order: every statistic of every column of every series, and the values of the
     * recording-level groups as they are, each feature in its place in the configuration.
     */
    private FeatureVector summarise(List<FrameSeries> seriesList, Map<String, double[]> recordingValues) {
        double[] summary = new double[summaryNames.size()];
        boolean needsSorting = config.statistics().stream().anyMatch(SummaryStatistic::isOrderStatistic);
        int index = 0;
        Map<String, FrameSeries> seriesByFeature = new HashMap<>();
        seriesList.forEach(one -> seriesByFeature.put(one.feature(), one));
        for (String feature : config.features()) {
            double[] groupValues = recordingValues.get(feature);
            if (groupValues != null) {
                System.arraycopy(groupValues, 0, summary, index, groupValues.length);
                index += groupValues.length;
                continue;
            }
            FrameSeries one = seriesByFeature.get(feature);
            int frames = one.frameCount();
            double[] column = new double[frames];
            double[] scratch = new double[frames];
            for (int c = 0; c < one.columnCount(); c++) {
                double[][] values = one.values();
                for (int t = 0; t < frames; t++) {
                    column[t] = values[t][c];
                }
                if (needsSorting) {
                    System.arraycopy(column, 0, scratch, 0, frames);
                    Arrays.sort(scratch, 0, frames);
                }
                for (SummaryStatistic statistic : config.statistics()) {
                    summary[index++] = statistic.isOrderStatistic()
                            ? statistic.ofSorted(scratch, frames) : statistic.of(column, frames, null);
                }
            }
        }
        return new FeatureVector(summaryNames, summary);
    }
}
