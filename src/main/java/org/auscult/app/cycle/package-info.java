/**
 * The heart cycle in the workstation. {@link org.auscult.app.cycle.CycleViewModel} shows the segmentation the
 * recording's analysis made of its conditioned clip (the one its verdict used, see
 * {@link org.auscult.analysis.RecordingAnalyzer}) and decides what to show
 * ({@link org.auscult.app.cycle.ShownCycle}: the user's S1/S2 events over imported ones over the automatic
 * segmentation). From that cycle come the bands drawn over the waveform and spectrogram
 * ({@link org.auscult.app.cycle.CycleOverlay}, toggled with C, legend and "Accept as labels" in
 * {@link org.auscult.app.cycle.CycleBar}), the heart rate, rhythm and signal quality with the verdict
 * ({@link org.auscult.app.cycle.HeartSummary}, "unsure" below Q = 0.20) and the beat stack
 * ({@link org.auscult.segmentation.BeatStack}: cycles aligned on the S1 peak in absolute time, the most atypical one by
 * its relative RMS distance to the pointwise median cycle, {@code d_i = ||e_i − m|| / ||m||}). For a murmur described
 * with the verdict, {@link org.auscult.app.cycle.MurmurEvidence} places its envelope on both time axes: the median
 * over the beat stack's median systole and diastole, each cycle's own levels over that cycle's bands.
 */
package org.auscult.app.cycle;
