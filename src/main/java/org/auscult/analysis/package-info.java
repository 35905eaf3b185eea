/**
 * The one road from a recording to a verdict: {@link org.auscult.analysis.RecordingAnalyzer} decodes a recording,
 * conditions it ({@link org.auscult.dsp.SignalConditioning}: resampling to the analysis rate, band-pass), segments
 * the conditioned clip once, extracts its features ({@link org.auscult.features.FeatureEngine}, the heart-cycle
 * features reading that segmentation) and, with a {@link org.auscult.analysis.LoadedModel}, judges it: a
 * {@link org.auscult.analysis.Verdict} with every warning of {@link org.auscult.analysis.VerdictAdvisor} measured
 * against a {@link org.auscult.analysis.ReferenceSet}, or "cannot judge" with the reason for a silent, nearly silent
 * or too short recording. {@link org.auscult.analysis.AnalysisConfig} holds every parameter of that road and travels
 * with every feature table and model as properties ({@code analysis.rate}, {@code bandpass.*}, {@code feature.*}).
 *
 * <p>{@link org.auscult.analysis.RecordingBatch} takes many recordings down the road in parallel, in input order
 * whatever the scheduling, reporting each recording that fails by name with its reason; the command line's
 * {@code classify}, the workstation's {@link org.auscult.analysis.CollectionScan} and
 * {@link org.auscult.analysis.FeatureTableBuilder} (a {@link org.auscult.analysis.FeatureTable} for training) are
 * built on it. {@link org.auscult.analysis.FeatureTableFormat} writes a table as CSV or ARFF, and
 * {@link org.auscult.analysis.Datasets} turns it into the learning code's dataset (a recording without a patient is
 * its own group). {@link org.auscult.analysis.DefaultModel} is the model bundled with the application.
 */
package org.auscult.analysis;
