/**
 * Importing labelled collections of heart-sound recordings.
 *
 * <p>{@link org.auscult.library.CollectionImporter} reads a folder or label file in one of the known
 * {@link org.auscult.library.Layout}s (Kaggle PASCAL 2011, PhysioNet/CinC 2016, CirCor 2022, a generic
 * {@code path,label} CSV, folder per class) into a {@link org.auscult.library.RecordingCollection}: every recording
 * with its training label (or none: unlabelled or not to be trained on), the label as written, its patient (the
 * group for patient-grouped cross-validation) and its source (device/site/subset, for leave-one-source-out).
 *
 * <p>Rules shared by every layout:
 * <ul>
 *   <li>training label = labelMapping(lowercase(trim(written label))); "" means not trained on. By default
 *       noisynormal -&gt; normal and noisymurmur -&gt; murmur;</li>
 *   <li>a label file that cannot be read (empty, not UTF-8, an unterminated quote, a missing required column) stops
 *       the import ({@link org.auscult.library.CollectionFormatException}, with file, line and reason); a malformed
 *       row (of the wrong width, with an empty name, with a value outside the layout's vocabulary) is skipped and
 *       reported as an {@link org.auscult.library.ImportProblem} with file and line, as is a missing, duplicate or
 *       unreadable recording, and the import goes on;</li>
 *   <li>a recording that fails the {@link org.auscult.library.RecordingCheck} is kept but not trained on;</li>
 *   <li>recording id = path relative to the collection root without extension; recordings are sorted by id, so an
 *       import is the same whatever order the file system lists files in.</li>
 * </ul>
 * The layout-specific rules (PASCAL name matching, the CirCor murmur rule) are in docs/decisions/collections.md.
 */
package org.auscult.library;
