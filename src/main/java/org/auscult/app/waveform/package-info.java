/**
 * The waveform layer, drawn from a multi-resolution min/max summary: level k holds the minimum and maximum of
 * buckets of {@code 16 * 4^k} samples, a view reads the coarsest level whose buckets fit in a pixel, so drawing
 * costs O(pixels) whatever the recording's length.
 */
package org.auscult.app.waveform;
