package org.auscult.analysis;

import org.auscult.library.Layout;
import org.auscult.library.Recording;

/** One recording of a multi-corpus benchmark with its features: its corpus, source, patient and labels. */
public record CorpusRow(String id, String corpus, String source, String patient, String label, String originalLabel,
                        Layout layout, Recording recording, double[] x) {
}
