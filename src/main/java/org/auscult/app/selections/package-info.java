/**
 * Selections and their measurements: a time stretch, with frequency bounds when it was dragged on the spectrogram,
 * measured by {@link org.auscult.analysis.SelectionMeasurement} (duration, peak and centre frequency, peak time,
 * band level) into a table that can be exported as CSV.
 */
package org.auscult.app.selections;
