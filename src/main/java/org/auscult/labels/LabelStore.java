package org.auscult.labels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The label database: one SQLite file (by default {@code ~/.auscult/labels.db}), created and migrated on open.
 *
 * <p>Durability: write-ahead logging with {@code synchronous=FULL}, so every committed transaction is on disk before
 * the commit returns; every write is one {@code BEGIN IMMEDIATE ... COMMIT} transaction, so a killed process loses
 * at most the edit in flight. Several connections (windows, processes) may write at once: SQLite serialises writers,
 * and a writer waits up to {@link #BUSY_TIMEOUT_MS} for the lock. One store holds one connection; its methods are
 * synchronised, so a store may be shared between threads.
 *
 * <p>The reads here are public; writes go through {@link LabelService}, which makes each one undoable.
 */
public final class LabelStore implements AutoCloseable {

    /** System property naming the database file (tests point it at a temporary folder). */
    public static final String LOCATION_PROPERTY = "auscult.labels.db";
    /** How long a writer waits for another writer's lock before giving up. */
    public static final int BUSY_TIMEOUT_MS = SqliteDatabase.BUSY_TIMEOUT_MS;

    private static final Logger LOG = LoggerFactory.getLogger(LabelStore.class);

    private final SqliteDatabase db;
    private final Examinations examinations;

    private LabelStore(SqliteDatabase db) {
        this.db = db;
        this.examinations = new Examinations(this, db);
    }

    /** {@code -Dauscult.labels.db=FILE}, else {@code ~/.auscult/labels.db}. */
    public static Path defaultFile() {
        String named = System.getProperty(LOCATION_PROPERTY);
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        return Path.of(System.getProperty("user.home"), ".auscult", "labels.db");
    }

    /** Opens (creating folder and file on first use) and migrates the database to the latest schema. */
    public static LabelStore open(Path file) {
        return open(file, Migrations.LATEST);
    }

    /**
     * Opens an existing label database for reading only, writing nothing to it; refuses a folder, a missing file
     * and a file that is not a label database ({@link LabelStoreException}, naming the file).
     */
    public static LabelStore openForReading(Path file) {
        return new LabelStore(SqliteDatabase.openForReading(file));
    }

    /** Opens and migrates to {@code schemaVersion} only (tests build old databases with it). */
    static LabelStore open(Path file, int schemaVersion) {
        return new LabelStore(SqliteDatabase.open(file, schemaVersion));
    }

    public Path file() {
        return db.file();
    }

    /** The schema version of the open database. */
    public synchronized int schemaVersion() {
        return db.schemaVersion();
    }

    /** SQLite's {@code PRAGMA integrity_check}: "ok" for a sound database, else the problems found. */
    public synchronized String integrityCheck() {
        return db.integrityCheck();
    }

    // ---- recordings -------------------------------------------------------------------------------------------

    /**
     * The recording at {@code audio}, found by path, else by content (a moved or renamed file: its path is updated,
     * so its labels follow it), else added. A file whose content changed at the same path keeps its labels and gets
     * its new hash.
     */
    public synchronized RecordingRef recordingFor(Path audio) throws IOException {
        Path path = audio.toAbsolutePath().normalize();
        String hash = ContentHash.sha256(path);
        long size = Files.size(path);
        return write(() -> {
            Optional<RecordingRef> byPath = findByPath(path);
            if (byPath.isPresent()) {
                if (!byPath.get().sha256().equals(hash)) {
                    LOG.info("{} changed since it was labelled; its labels stay with the path", path);
                    db.update("UPDATE recording SET sha256 = ?, size_bytes = ? WHERE id = ?", hash, size,
                            byPath.get().id());
                }
                return new RecordingRef(byPath.get().id(), path, hash);
            }
            for (RecordingRef candidate : findByHash(hash)) {
                if (!Files.exists(candidate.path())) {
                    LOG.info("Relinked {} to {} (same content)", candidate.path(), path);
                    db.update("UPDATE recording SET path = ? WHERE id = ?", path.toString(), candidate.id());
                    return new RecordingRef(candidate.id(), path, hash);
                }
            }
            long id = db.insert("INSERT INTO recording (path, sha256, size_bytes) VALUES (?, ?, ?)",
                    path.toString(), hash, size);
            return new RecordingRef(id, path, hash);
        });
    }

    /**
     * The recording at {@code audio} if the store knows it: by path, else by content (reading the file, adding
     * nothing). Empty when the file is unknown or unreadable.
     */
    public synchronized Optional<RecordingRef> lookup(Path audio) {
        Optional<RecordingRef> byPath = findRecording(audio);
        if (byPath.isPresent() || !Files.isRegularFile(audio)) {
            return byPath;
        }
        try {
            String hash = ContentHash.sha256(audio);
            return db.read(() -> findByHash(hash).stream().findFirst());
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** The recordings with this content hash (copies of one file), oldest first. */
    public synchronized List<RecordingRef> findBySha256(String sha256) {
        return db.read(() -> findByHash(sha256));
    }

    /** The recording last seen at {@code audio}, without reading the file. */
    public synchronized Optional<RecordingRef> findRecording(Path audio) {
        return db.read(() -> findByPath(audio.toAbsolutePath().normalize()));
    }

    public synchronized Optional<RecordingRef> recording(long id) {
        return db.read(() -> queryRecordings("SELECT id, path, sha256 FROM recording WHERE id = ?", id).stream()
                .findFirst());
    }

    /** Every recording the store knows, by path. */
    public synchronized List<RecordingRef> recordings() {
        return db.read(() -> queryRecordings("SELECT id, path, sha256 FROM recording ORDER BY path"));
    }

    private Optional<RecordingRef> findByPath(Path path) throws SQLException {
        return queryRecordings("SELECT id, path, sha256 FROM recording WHERE path = ?", path.toString()).stream()
                .findFirst();
    }

    private List<RecordingRef> findByHash(String hash) throws SQLException {
        return queryRecordings("SELECT id, path, sha256 FROM recording WHERE sha256 = ? ORDER BY id", hash);
    }

    private List<RecordingRef> queryRecordings(String sql, Object... parameters) throws SQLException {
        return db.query(sql, row -> new RecordingRef(row.getLong(1), Path.of(row.getString(2)), row.getString(3)),
                parameters);
    }

    // ---- recording labels -------------------------------------------------------------------------------------

    /** One labeller's statement about a recording. */
    public synchronized Optional<RecordingLabel> label(long recordingId, Source source, Opinion opinion) {
        return db.read(() -> readLabel(recordingId, source, opinion));
    }

    /**
     * The label to train on: the user's first opinion when it names a class, else the imported one; empty when
     * neither names a class.
     */
    public synchronized Optional<String> currentClass(long recordingId) {
        return db.read(() -> {
            for (Source source : new Source[] {Source.USER, Source.IMPORT}) {
                Optional<String> labelClass = readLabel(recordingId, source, Opinion.FIRST)
                        .flatMap(RecordingLabel::labelClass);
                if (labelClass.isPresent()) {
                    return labelClass;
                }
            }
            return Optional.empty();
        });
    }

    /** Ids of the recordings with a user label naming a class (first opinion). */
    public synchronized Set<Long> userLabelledRecordings() {
        return db.read(() -> new HashSet<>(db.query("SELECT recording_id FROM recording_label WHERE source = "
                + "'user' AND opinion = 1 AND class IS NOT NULL", row -> row.getLong(1))));
    }

    /** The user's class (first opinion) of every recording that has one, by the recording's path. */
    public synchronized java.util.Map<Path, String> userClasses() {
        return db.read(() -> {
            java.util.Map<Path, String> classes = new java.util.HashMap<>();
            db.query("SELECT r.path, l.class FROM recording_label l JOIN recording r ON r.id = l.recording_id "
                    + "WHERE l.source = 'user' AND l.opinion = 1 AND l.class IS NOT NULL",
                    row -> java.util.Map.entry(Path.of(row.getString(1)), row.getString(2)))
                    .forEach(entry -> classes.put(entry.getKey(), entry.getValue()));
            return classes;
        });
    }

    /** Recordings whose two user opinions both name a class and differ, by path. */
    public synchronized List<Disagreement> disagreements() {
        return db.read(() -> {
            List<Long> ids = db.query("SELECT a.recording_id FROM recording_label a "
                    + "JOIN recording_label b ON b.recording_id = a.recording_id AND b.source = a.source "
                    + "JOIN recording r ON r.id = a.recording_id "
                    + "WHERE a.source = 'user' AND a.opinion = 1 AND b.opinion = 2 "
                    + "AND a.class IS NOT NULL AND b.class IS NOT NULL AND a.class <> b.class ORDER BY r.path",
                    row -> row.getLong(1));
            List<Disagreement> result = new ArrayList<>();
            for (long id : ids) {
                RecordingRef recording = queryRecordings("SELECT id, path, sha256 FROM recording WHERE id = ?", id)
                        .get(0);
                result.add(new Disagreement(recording, readLabel(id, Source.USER, Opinion.FIRST).orElseThrow(),
                        readLabel(id, Source.USER, Opinion.SECOND).orElseThrow()));
            }
            return result;
        });
    }

    private Optional<RecordingLabel> readLabel(long recordingId, Source source, Opinion opinion)
            throws SQLException {
        try (PreparedStatement statement = db.prepare("SELECT class, quality, notes, labeller, labelled_at "
                        + "FROM recording_label WHERE recording_id = ? AND source = ? AND opinion = ?",
                recordingId, source.sqlName(), opinion.number());
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            String quality = rows.getString(2);
            return Optional.of(new RecordingLabel(Optional.ofNullable(rows.getString(1)),
                    quality == null ? Optional.empty() : Optional.of(Quality.parse(quality)), rows.getString(3),
                    rows.getString(4), Instant.parse(rows.getString(5))));
        }
    }

    /** Replaces (or, with an empty label, removes) one labeller's statement. Runs inside a transaction. */
    void putLabel(long recordingId, Source source, Opinion opinion, Optional<RecordingLabel> label)
            throws SQLException {
        db.update("DELETE FROM recording_label WHERE recording_id = ? AND source = ? AND opinion = ?", recordingId,
                source.sqlName(), opinion.number());
        if (label.isPresent()) {
            RecordingLabel l = label.get();
            db.update("INSERT INTO recording_label (recording_id, source, opinion, class, quality, notes, labeller, "
                            + "labelled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", recordingId, source.sqlName(),
                    opinion.number(), l.labelClass().orElse(null), l.quality().map(Quality::sqlName).orElse(null),
                    l.notes(), l.labeller(), l.labelledAt().toString());
        }
    }

    Optional<RecordingLabel> readLabelInTransaction(long recordingId, Source source, Opinion opinion)
            throws SQLException {
        return readLabel(recordingId, source, opinion);
    }

    // ---- events -----------------------------------------------------------------------------------------------

    /** The recording's events by start time. */
    public synchronized List<LabelEvent> events(long recordingId) {
        return db.read(() -> queryEvents("SELECT id, recording_id, source, type, start_s, end_s, labeller, created_at "
                + "FROM event WHERE recording_id = ? ORDER BY start_s, end_s, id", recordingId));
    }

    public synchronized Optional<LabelEvent> event(long id) {
        return db.read(() -> eventInTransaction(id));
    }

    Optional<LabelEvent> eventInTransaction(long id) throws SQLException {
        return queryEvents("SELECT id, recording_id, source, type, start_s, end_s, labeller, created_at "
                + "FROM event WHERE id = ?", id).stream().findFirst();
    }

    private List<LabelEvent> queryEvents(String sql, Object... parameters) throws SQLException {
        return db.query(sql, row -> new LabelEvent(row.getLong(1), row.getLong(2), Source.ofSqlName(row.getString(3)),
                row.getString(4), row.getDouble(5), row.getDouble(6), row.getString(7),
                Instant.parse(row.getString(8))), parameters);
    }

    /** Inserts an event (with its own id when it has one, as when an undone deletion is redone); returns the id. */
    long insertEvent(LabelEvent event) throws SQLException {
        String columns = "recording_id, source, type, start_s, end_s, labeller, created_at";
        Object[] values = {event.recordingId(), event.source().sqlName(), event.type(), event.start(), event.end(),
            event.labeller(), event.createdAt().toString()};
        if (event.id() > 0) {
            Object[] withId = new Object[values.length + 1];
            withId[0] = event.id();
            System.arraycopy(values, 0, withId, 1, values.length);
            db.insert("INSERT INTO event (id, " + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", withId);
            return event.id();
        }
        return db.insert("INSERT INTO event (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?)", values);
    }

    /** Overwrites an event's type and times; false when it no longer exists. */
    boolean updateEvent(LabelEvent event) throws SQLException {
        return db.update("UPDATE event SET type = ?, start_s = ?, end_s = ? WHERE id = ?", event.type(), event.start(),
                event.end(), event.id()) == 1;
    }

    /** Deletes an event; false when it no longer exists. */
    boolean deleteEvent(long id) throws SQLException {
        return db.update("DELETE FROM event WHERE id = ?", id) == 1;
    }

    // ---- classes ----------------------------------------------------------------------------------------------

    /** The five built-in classes, then those researchers added, in the order they were added. */
    public synchronized List<String> classes() {
        return db.read(() -> {
            List<String> result = new ArrayList<>(LabelClasses.BUILT_IN);
            result.addAll(db.query("SELECT name FROM label_class ORDER BY added_at, name", row -> row.getString(1)));
            return result;
        });
    }

    /** Adds a class; false when it was already there. */
    boolean putClass(String name, Instant now) throws SQLException {
        if (LabelClasses.BUILT_IN.contains(name)) {
            return false;
        }
        return db.update("INSERT OR IGNORE INTO label_class (name, added_at) VALUES (?, ?)", name, now.toString()) == 1;
    }

    boolean removeClass(String name) throws SQLException {
        return db.update("DELETE FROM label_class WHERE name = ?", name) == 1;
    }

    /** The patients' examinations and where each recording was made. */
    public Examinations examinations() {
        return examinations;
    }

    // ---- transactions -----------------------------------------------------------------------------------------

    /** Runs {@code work} as one write transaction, committed before this returns. */
    synchronized <T> T write(SqliteDatabase.SqlWork<T> work) {
        return db.write(work);
    }

    /** Closes the connection (SQLite checkpoints the write-ahead log when the last connection closes). */
    @Override
    public synchronized void close() {
        db.close();
    }
}
