/**
 * The spectrogram layer: levels in dB, {@code 20 log10(2 |X[k]| / sum(w))} (a full-scale sine reads 0 dB), computed
 * in tiles of 256 columns at the level of detail the zoom needs (a column every {@code hop * 2^L} samples), cached
 * in a byte-bounded LRU, painted per device pixel with the loudest bin under each pixel row; and its settings (FFT
 * size, hop, window, frequency range, dB range, colour map), validated.
 */
package org.auscult.app.spectrogram;
