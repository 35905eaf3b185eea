/**
 * From files to numbers: {@link org.auscult.analysis.RecordingAnalyzer} decodes a recording, conditions it
 * ({@link org.auscult.dsp.SignalConditioning}: resampling to the analysis rate, band-pass) and extracts its features
 * ({@link org.auscult.features.FeatureEngine}); {@link org.auscult.analysis.AnalysisConfig} holds every parameter of
 * that path and travels with every feature table and model as properties ({@code analysis.rate}, {@code bandpass.*},
 * {@code feature.*}).
 *
 * <p>{@link org.auscult.analysis.FeatureTableBuilder} analyses many recordings in parallel into a
 * {@link org.auscult.analysis.FeatureTable}, in input order whatever the scheduling, listing each recording that
 * fails with its reason; {@link org.auscult.analysis.FeatureTableFormat} writes it as CSV or ARFF, and
 * {@link org.auscult.analysis.Datasets} turns it into the learning code's dataset (a recording without a patient
 * is its own group). {@link org.auscult.analysis.DefaultModel} is the model bundled with the application.
 */
package org.auscult.analysis;
