/**
 * Feature inspection: the recording's summary features with their percentile in each reference class (five-number
 * summaries, linear between quartiles), a box plot per class for the selected feature, and the per-frame curves
 * (MFCC heat map, spectral centroid, roll-off, zero-crossing rate) on the shared time axis. The reference comes from
 * the labelled recordings of the open collection, analysed once in the background exactly as the model analyses.
 */
package org.auscult.app.features;
