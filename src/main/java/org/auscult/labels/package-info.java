/**
 * Labels researchers make, kept safely: an embedded SQLite database ({@link org.auscult.labels.LabelStore}, by
 * default {@code ~/.auscult/labels.db}) holding, per recording, a class, a quality flag, notes, labeller and time
 * (a first and a second opinion; the user's own apart from imported collection labels), and events in time (points
 * and regions of a type: S1, S2, systole, diastole, murmur, extrasystolic beat, S3, S4, click, artifact or custom).
 *
 * <p>Recordings are identified by path and by the SHA-256 of their bytes, so a moved or renamed file finds its
 * labels again. Schema changes are numbered SQL migrations ({@code migrations/V<n>__*.sql}) recorded in
 * {@code schema_version}. Every edit through {@link org.auscult.labels.LabelService} is one committed transaction
 * (write-ahead log, {@code synchronous=FULL}) and undoable: undo and redo are themselves committed edits.
 *
 * <p>The exchange formats (Audacity label tracks, CSV, PASCAL timing, CirCor TSV, labelled feature tables) are in
 * {@link org.auscult.labels.exchange}.
 */
package org.auscult.labels;
