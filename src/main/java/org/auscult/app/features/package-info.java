/**
 * Feature inspection: the recording's summary features with their percentile in each reference class (read from
 * each class's distribution, linear between min, p05, p25, median, p75, p95 and max), a box plot per class for the
 * selected feature, and the per-frame curves (MFCC heat map, spectral centroid, roll-off, zero-crossing rate) on
 * the shared time axis. The reference ({@link org.auscult.analysis.ReferenceSet}) is the model's training data
 * when the model carries a {@link org.auscult.learn.TrainingProfile}, else the labelled recordings of the open
 * collection, analysed once in the background exactly as the model analyses.
 */
package org.auscult.app.features;
