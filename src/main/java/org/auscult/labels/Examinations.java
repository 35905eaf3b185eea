package org.auscult.labels;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The patients' examinations in the label database and where each recording was made ({@link Examination},
 * {@link Auscultation}). Where and when a recording was made is a fact about it, not a labeller's opinion: the
 * writes here are committed at once but are not on {@link LabelService}'s undo stack, so an undo in the labelling
 * window never unlinks a recording from its patient. Every call holds the store's lock, as the store's own do.
 */
public final class Examinations {

    private static final String AUSCULTATIONS = "SELECT a.recording_id, a.examination_id, e.patient, a.site,"
            + " a.recorded_at, a.device FROM auscultation a JOIN examination e ON e.id = a.examination_id";

    private final LabelStore store;
    private final SqliteDatabase db;

    Examinations(LabelStore store, SqliteDatabase db) {
        this.store = store;
        this.db = db;
    }

    /** The recording last seen at {@code audio}, without reading the file. */
    public Optional<RecordingRef> recordingAt(Path audio) {
        return store.findRecording(audio);
    }

    /** Where and when the recording was made, when it was recorded in Auscult. */
    public Optional<Auscultation> auscultation(long recordingId) {
        synchronized (store) {
            return db.read(() -> queryAuscultations(AUSCULTATIONS + " WHERE a.recording_id = ?", recordingId)
                    .stream().findFirst());
        }
    }

    /** The examination numbered {@code id}, with its recordings. */
    public Optional<Examination> examination(long id) {
        synchronized (store) {
            return db.read(() -> queryExaminations("SELECT id, patient, started_at FROM examination WHERE id = ?",
                    id).stream().findFirst());
        }
    }

    /** Every examination of {@code patient}, newest first. */
    public List<Examination> of(String patient) {
        synchronized (store) {
            return db.read(() -> queryExaminations("SELECT id, patient, started_at FROM examination"
                    + " WHERE patient = ? ORDER BY started_at DESC, id DESC", patient));
        }
    }

    /** Starts an examination of {@code patient} (trimmed, not blank) at {@code at}; returns its number. */
    public long start(String patient, Instant at) {
        String name = patient == null ? "" : patient.trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an examination needs a patient");
        }
        synchronized (store) {
            return db.write(() -> db.insert("INSERT INTO examination (patient, started_at) VALUES (?, ?)", name,
                    at.toString()));
        }
    }

    /**
     * Records that {@code audio} was made in examination {@code examinationId} at {@code site}, starting at
     * {@code recordedAt}, from {@code device}. Called again for the same file (a recording that grew since), it
     * updates the file's content hash and keeps the rest.
     *
     * @throws IOException when the file cannot be read
     */
    public Auscultation record(Path audio, long examinationId, String site, Instant recordedAt, String device)
            throws IOException {
        Auscultation.requireSite(site);
        synchronized (store) {
            Examination examination = examination(examinationId).orElseThrow(() ->
                    new IllegalArgumentException("no examination " + examinationId));
            RecordingRef recording = store.recordingFor(audio);
            Auscultation auscultation = new Auscultation(recording.id(), examinationId, examination.patient(), site,
                    recordedAt, device);
            db.write(() -> db.update("INSERT OR REPLACE INTO auscultation (recording_id, examination_id, site,"
                            + " recorded_at, device) VALUES (?, ?, ?, ?, ?)", auscultation.recordingId(),
                    auscultation.examinationId(), site, recordedAt.toString(), auscultation.device()));
            return auscultation;
        }
    }

    /**
     * Forgets a discarded recording: where it was made, the recording itself when no label or event refers to it,
     * and its examination when no other recording belongs to it. Nothing for a file the store does not know.
     */
    public void forget(Path audio) {
        synchronized (store) {
            store.findRecording(audio).ifPresent(recording -> db.write(() -> {
                long id = recording.id();
                Optional<Auscultation> known = queryAuscultations(AUSCULTATIONS + " WHERE a.recording_id = ?", id)
                        .stream().findFirst();
                db.update("DELETE FROM auscultation WHERE recording_id = ?", id);
                db.update("DELETE FROM recording WHERE id = ? AND NOT EXISTS (SELECT 1 FROM recording_label WHERE"
                        + " recording_id = ?) AND NOT EXISTS (SELECT 1 FROM event WHERE recording_id = ?)", id, id, id);
                if (known.isPresent()) {
                    long examination = known.get().examinationId();
                    db.update("DELETE FROM examination WHERE id = ? AND NOT EXISTS (SELECT 1 FROM auscultation"
                            + " WHERE examination_id = ?)", examination, examination);
                }
                return null;
            }));
        }
    }

    private List<Examination> queryExaminations(String sql, Object... parameters) throws SQLException {
        List<Examination> found = db.query(sql, row -> new Examination(row.getLong(1), row.getString(2),
                Instant.parse(row.getString(3)), List.of()), parameters);
        List<Examination> withRecordings = new ArrayList<>();
        for (Examination examination : found) {
            withRecordings.add(new Examination(examination.id(), examination.patient(), examination.startedAt(),
                    queryAuscultations(AUSCULTATIONS + " WHERE a.examination_id = ? ORDER BY a.recorded_at,"
                            + " a.recording_id", examination.id())));
        }
        return withRecordings;
    }

    private List<Auscultation> queryAuscultations(String sql, Object... parameters) throws SQLException {
        return db.query(sql, row -> new Auscultation(row.getLong(1), row.getLong(2), row.getString(3),
                row.getString(4), Instant.parse(row.getString(5)), row.getString(6)), parameters);
    }
}
