/**
 * Signal quality per second: which stretches of a phonocardiogram are usable heart sound, and whether enough remain
 * for a verdict.
 *
 * <ul>
 *   <li>{@link org.auscult.segmentation.quality.QualityIndices}: eleven indices per second from the literature
 *       (periodicity, sample entropy, kurtosis, envelope spread, band ratios, clipping, levels, silence).</li>
 *   <li>{@link org.auscult.segmentation.quality.QualityModel}: logistic regression from the indices to the
 *       probability that a second is usable; the bundled parameters and their training record are in
 *       {@code quality-model.properties}.</li>
 *   <li>{@link org.auscult.segmentation.quality.QualityMap}: the per-second kinds
 *       ({@link org.auscult.segmentation.quality.SecondKind}), the usable stretches, {@code judgeable()} and the
 *       {@link org.auscult.segmentation.quality.UnsureReason} with what to do.</li>
 *   <li>{@link org.auscult.segmentation.quality.QualityEvidence} and
 *       {@link org.auscult.segmentation.quality.QualityTraining}: the labelled seconds (CirCor annotated spans, PASCAL
 *       artifacts) and the patient-grouped fitting behind {@code auscult bench quality}.</li>
 * </ul>
 * Choices and measurements: docs/decisions/signal-quality.md.
 */
package org.auscult.segmentation.quality;
