/**
 * The heart cycle of a phonocardiogram: where S1, systole, S2 and diastole lie, the heart rate, the rhythm and the
 * signal quality.
 *
 * <ul>
 *   <li>{@link org.auscult.segmentation.HeartSoundSegmenter} segments a recording: envelopes of the 25-400 Hz band
 *       at 50 values per second ({@link org.auscult.segmentation.Envelopes}: Hilbert, homomorphic, Shannon energy,
 *       and a pitch measure), the heart rate and systolic interval from the envelope autocorrelation
 *       ({@link org.auscult.segmentation.HeartRateEstimate}), then a duration-dependent hidden semi-Markov model after
 *       Springer et al. (2016) with logistic emissions, decoded by Viterbi.</li>
 *   <li>{@link org.auscult.segmentation.Segmentation} is the result: segments in the CirCor states
 *       ({@link org.auscult.segmentation.CardiacState}), heart rate, beat (S1) times, RR intervals and the
 *       {@link org.auscult.segmentation.SignalQuality} index; {@link org.auscult.segmentation.Rhythm} measures the
 *       RR intervals (spread, RMSSD, premature beats).</li>
 *   <li>{@link org.auscult.segmentation.SegmentationTsv} reads and writes the CirCor {@code .tsv} layout;
 *       {@link org.auscult.segmentation.SegmentationBenchmark} scores segmentations against the CirCor annotations and
 *       the PASCAL 2011 timing marks ({@link org.auscult.segmentation.EventCounts}: S1/S2 F1 within 60 ms).</li>
 *   <li>The recording-level feature groups {@code rhythm}, {@code quality}, {@code cycle}, {@code cycle_mfcc} and
 *       {@code cycle_murmur}
 *       ({@link org.auscult.segmentation.CycleFeatures}) put all of this into feature vectors.</li>
 *   <li>{@link org.auscult.segmentation.quality} judges each second: usable heart sound or not, and why.</li>
 *   <li>{@link org.auscult.segmentation.murmur} describes a murmur: where in the cycle its sound sits, and the
 *       attributes learnt from CirCor's annotations that measured reliable.</li>
 * </ul>
 * Choices and measurements: docs/decisions/segmentation.md.
 */
package org.auscult.segmentation;
