/**
 * Label exchange: Audacity label tracks ({@code start<TAB>end<TAB>label}), a plain CSV of recording labels, the
 * PASCAL 2011 {@code set_a_timing.csv} S1/S2 marks (sample index at 44.1 kHz, {@code t = n / 44100}), CirCor .tsv
 * segmentations ({@code start<TAB>end<TAB>state}, state 0-4: unannotated, S1, systole, S2, diastole), and the
 * labelled feature table (ARFF/CSV). {@link org.auscult.labels.exchange.StoreCollection} turns a collection plus
 * the store's labels into a training collection. Every file is written atomically and replaces an existing one
 * only on request.
 */
package org.auscult.labels.exchange;
