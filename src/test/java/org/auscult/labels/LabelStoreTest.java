package org.auscult.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStoreTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    /** A small file standing in for a recording; {@code seed} makes its content (and hash) distinct. */
    static Path recordingFile(Path folder, String name, int seed) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[1000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31 + seed * 7);
        }
        Files.write(file, bytes);
        return file;
    }

    @Test
    void createdOnFirstRunAtTheLatestSchema() {
        Path db = folder.resolve("new/sub/labels.db");
        try (LabelStore store = LabelStore.open(db)) {
            assertTrue(Files.exists(db));
            assertEquals(Migrations.LATEST, store.schemaVersion());
            assertEquals("ok", store.integrityCheck());
            assertEquals(LabelClasses.BUILT_IN, store.classes());
        }
    }

    @Test
    void defaultFileFollowsTheSystemProperty() {
        String before = System.getProperty(LabelStore.LOCATION_PROPERTY);
        try {
            System.setProperty(LabelStore.LOCATION_PROPERTY, folder.resolve("x.db").toString());
            assertEquals(folder.resolve("x.db"), LabelStore.defaultFile());
            System.clearProperty(LabelStore.LOCATION_PROPERTY);
            assertEquals(Path.of(System.getProperty("user.home"), ".auscult", "labels.db"), LabelStore.defaultFile());
        } finally {
            if (before != null) {
                System.setProperty(LabelStore.LOCATION_PROPERTY, before);
            }
        }
    }

    @Test
    void upgradesFromVersion1KeepingTheLabels() throws IOException {
        Path db = folder.resolve("labels.db");
        Path wav = recordingFile(folder, "a.wav", 1);
        long eventId;
        try (LabelStore old = LabelStore.open(db, 1)) {
            assertEquals(1, old.schemaVersion());
            LabelService service = new LabelService(old, "ana", CLOCK);
            RecordingRef ref = service.recording(wav);
            service.setClass(ref, Opinion.FIRST, "murmur");
            eventId = service.addEvent(ref, "S1", 0.5, 0.5).id();
        }
        try (LabelStore upgraded = LabelStore.open(db)) {
            assertEquals(Migrations.LATEST, upgraded.schemaVersion());
            RecordingRef ref = upgraded.findRecording(wav).orElseThrow();
            assertEquals(Optional.of("murmur"), upgraded.currentClass(ref.id()));
            assertEquals(List.of(eventId), upgraded.events(ref.id()).stream().map(LabelEvent::id).toList());
            // the version 2 table exists and works
            new LabelService(upgraded, "ana", CLOCK).addClass("split-s2");
            assertTrue(upgraded.classes().contains("split-s2"));
            assertEquals("ok", upgraded.integrityCheck());
        }
    }

    @Test
    void refusesADatabaseFromANewerVersion() throws Exception {
        Path db = folder.resolve("labels.db");
        LabelStore.open(db).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE schema_version SET version = 99");
        }
        LabelStoreException refused = assertThrows(LabelStoreException.class, () -> LabelStore.open(db));
        assertTrue(refused.getMessage().contains("schema version 99"), refused.getMessage());
        assertTrue(refused.getMessage().startsWith(db.toAbsolutePath().toString()), refused.getMessage());
    }

    @Test
    void openedForReadingItReadsAndWritesNothing() throws IOException {
        Path db = folder.resolve("labels.db");
        Path wav = recordingFile(folder, "a.wav", 1);
        try (LabelStore store = LabelStore.open(db)) {
            new LabelService(store, "ana", CLOCK).setClass(new LabelService(store, "ana", CLOCK).recording(wav),
                    Opinion.FIRST, "murmur");
        }
        byte[] before = Files.readAllBytes(db);
        try (LabelStore reader = LabelStore.openForReading(db)) {
            RecordingRef ref = reader.findRecording(wav).orElseThrow();
            assertEquals(Optional.of("murmur"), reader.currentClass(ref.id()));
            LabelService service = new LabelService(reader, "ana", CLOCK);
            assertThrows(LabelStoreException.class, () -> service.setClass(ref, Opinion.FIRST, "normal"));
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "the database is left as it was");
        for (String sideFile : List.of("labels.db-wal", "labels.db-shm")) {
            assertFalse(Files.exists(folder.resolve(sideFile)), "reading leaves no " + sideFile
                    + ", which a read-only file would give its permissions and so keep later writers out");
        }
    }

    @Test
    void openedForReadingADatabaseOfAnOlderSchemaReadsItWithoutUpgradingIt() throws Exception {
        Path db = folder.resolve("labels.db");
        Path wav = recordingFile(folder, "a.wav", 1);
        try (LabelStore old = LabelStore.open(db, 1)) {
            LabelService service = new LabelService(old, "ana", CLOCK);
            service.setClass(service.recording(wav), Opinion.FIRST, "murmur");
        }
        byte[] before = Files.readAllBytes(db);
        Path temporaryFolder = Path.of(System.getProperty("java.io.tmpdir"));
        Set<Path> copiesBefore = labelCopiesIn(temporaryFolder);
        try (LabelStore reader = LabelStore.openForReading(db)) {
            RecordingRef ref = reader.findRecording(wav).orElseThrow();
            assertEquals(Optional.of("murmur"), reader.currentClass(ref.id()));
            assertEquals(Migrations.LATEST, reader.schemaVersion());
        }
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "the database is left as it was");
        try (LabelStore still = LabelStore.open(db, 1)) {
            assertEquals(1, still.schemaVersion(), "the file keeps the schema its Auscult wrote");
        }
        assertEquals(copiesBefore, labelCopiesIn(temporaryFolder), "the migrated copy is deleted on close");
    }

    private static Set<Path> labelCopiesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("auscult-labels-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void openedForReadingAFileThatIsNotALabelDatabaseIsRefusedAndLeftAsItWas() throws Exception {
        Path empty = Files.createFile(folder.resolve("empty.db"));
        Path text = Files.writeString(folder.resolve("text.db"), "some notes, not a database");
        Path otherSqlite = folder.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherSqlite); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t (x INTEGER)");
        }
        for (Path file : List.of(empty, text, otherSqlite)) {
            byte[] before = Files.readAllBytes(file);
            LabelStoreException refused = assertThrows(LabelStoreException.class,
                    () -> LabelStore.openForReading(file));
            assertTrue(refused.getMessage().startsWith(file.toAbsolutePath() + ": not a label database"),
                    refused.getMessage());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), file + " is left as it was");
        }
        LabelStoreException aFolder = assertThrows(LabelStoreException.class, () -> LabelStore.openForReading(folder));
        assertEquals(folder.toAbsolutePath() + ": is a folder, not a label database", aFolder.getMessage());
    }

    @Test
    void aMovedAndRenamedCollectionRelinks() throws IOException {
        Path collection = folder.resolve("collection");
        Path a = recordingFile(collection, "murmur/a.wav", 1);
        Path b = recordingFile(collection, "normal/b.wav", 2);
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            LabelService service = new LabelService(store, "ana", CLOCK);
            RecordingRef refA = service.recording(a);
            RecordingRef refB = service.recording(b);
            service.setClass(refA, Opinion.FIRST, "murmur");
            service.addEvent(refB, "S2", 1.0, 1.25);
            Path moved = Files.move(collection, folder.resolve("renamed-collection"));
            Path newA = Files.move(moved.resolve("murmur/a.wav"), moved.resolve("murmur/a-renamed.wav"));
            RecordingRef relinkedA = store.recordingFor(newA);
            RecordingRef relinkedB = store.recordingFor(moved.resolve("normal/b.wav"));
            assertEquals(refA.id(), relinkedA.id());
            assertEquals(refB.id(), relinkedB.id());
            assertEquals(newA.toAbsolutePath().normalize(), store.recording(refA.id()).orElseThrow().path());
            assertEquals(Optional.of("murmur"), store.currentClass(relinkedA.id()));
            assertEquals(1, store.events(relinkedB.id()).size());
            assertEquals(2, store.recordings().size());
        }
    }

    @Test
    void aCopyBesideTheOriginalIsANewRecording() throws IOException {
        Path a = recordingFile(folder, "a.wav", 1);
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            RecordingRef original = store.recordingFor(a);
            RecordingRef copy = store.recordingFor(Files.copy(a, folder.resolve("copy.wav")));
            assertNotEquals(original.id(), copy.id());
            assertEquals(original.sha256(), copy.sha256());
        }
    }

    @Test
    void changedContentAtTheSamePathKeepsItsLabelsAndGetsTheNewHash() throws IOException {
        Path a = recordingFile(folder, "a.wav", 1);
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            LabelService service = new LabelService(store, "ana", CLOCK);
            RecordingRef before = service.recording(a);
            service.setClass(before, Opinion.FIRST, "normal");
            recordingFile(folder, "a.wav", 5);
            RecordingRef after = store.recordingFor(a);
            assertEquals(before.id(), after.id());
            assertNotEquals(before.sha256(), after.sha256());
            assertEquals(Optional.of("normal"), store.currentClass(after.id()));
        }
    }

    @Test
    void importedLabelsAreKeptApartAndTheUsersWin() throws IOException {
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            LabelService service = new LabelService(store, "ana", CLOCK);
            RecordingRef ref = service.recording(recordingFile(folder, "a.wav", 1));
            RecordingLabel imported = new RecordingLabel(Optional.of("normal"), Optional.empty(), "", "PASCAL",
                    Instant.parse("2011-01-01T00:00:00Z"));
            service.importLabels("import", Source.IMPORT,
                    List.of(new LabelService.ImportedLabel(ref, Opinion.FIRST, imported)), List.of());
            assertEquals(Optional.of("normal"), store.currentClass(ref.id()));
            assertEquals(java.util.Set.of(), store.userLabelledRecordings());
            service.setClass(ref, Opinion.FIRST, "murmur");
            assertEquals(Optional.of("murmur"), store.currentClass(ref.id()));
            assertEquals(Optional.of(imported), store.label(ref.id(), Source.IMPORT, Opinion.FIRST));
            RecordingLabel mine = store.label(ref.id(), Source.USER, Opinion.FIRST).orElseThrow();
            assertEquals("ana", mine.labeller());
            assertEquals(CLOCK.instant(), mine.labelledAt());
            assertEquals(java.util.Set.of(ref.id()), store.userLabelledRecordings());
        }
    }

    @Test
    void secondOpinionsAndDisagreements() throws IOException {
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            LabelService ana = new LabelService(store, "ana", CLOCK);
            LabelService ben = new LabelService(store, "ben", CLOCK);
            RecordingRef agreed = ana.recording(recordingFile(folder, "agreed.wav", 1));
            RecordingRef disputed = ana.recording(recordingFile(folder, "disputed.wav", 2));
            RecordingRef single = ana.recording(recordingFile(folder, "single.wav", 3));
            ana.setClass(agreed, Opinion.FIRST, "normal");
            ben.setClass(agreed, Opinion.SECOND, "normal");
            ana.setClass(disputed, Opinion.FIRST, "murmur");
            ben.setClass(disputed, Opinion.SECOND, "extrahls");
            ben.setQuality(disputed, Opinion.SECOND, Quality.NOISY);
            ana.setClass(single, Opinion.FIRST, "artifact");
            List<Disagreement> disagreements = store.disagreements();
            assertEquals(1, disagreements.size());
            Disagreement d = disagreements.get(0);
            assertEquals(disputed.id(), d.recording().id());
            assertEquals(Optional.of("murmur"), d.first().labelClass());
            assertEquals(Optional.of("extrahls"), d.second().labelClass());
            assertEquals("ben", d.second().labeller());
            assertEquals(Optional.of(Quality.NOISY), d.second().quality());
        }
    }

    @Test
    void everyEditIsUndoneAndRedone() throws IOException {
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            LabelService service = new LabelService(store, "ana", CLOCK);
            RecordingRef ref = service.recording(recordingFile(folder, "a.wav", 1));
            service.setClass(ref, Opinion.FIRST, "murmur");
            service.setQuality(ref, Opinion.FIRST, Quality.GOOD);
            service.setNotes(ref, Opinion.FIRST, "loud S3");
            LabelEvent region = service.addEvent(ref, "systole", 0.10, 0.30);
            LabelEvent point = service.addEvent(ref, "S1", 0.05, 0.05);
            assertTrue(point.isPoint());
            service.moveEvent(region.id(), 0.20);
            service.resizeEvent(region.id(), 0.50, 0.20);
            service.retypeEvent(region.id(), "murmur");
            service.deleteEvent(point.id());
            service.addClass("split-s2");

            assertEquals(List.of(new LabelEvent(region.id(), ref.id(), Source.USER, "murmur", 0.20, 0.50, "ana",
                    CLOCK.instant())), store.events(ref.id()));
            RecordingLabel label = store.label(ref.id(), Source.USER, Opinion.FIRST).orElseThrow();
            assertEquals("loud S3", label.notes());

            assertEquals("add class split-s2", service.undoDescription());
            assertTrue(service.undo());
            assertFalse(store.classes().contains("split-s2"));
            assertTrue(service.undo()); // delete S1
            assertEquals(2, store.events(ref.id()).size());
            assertTrue(service.undo()); // retype
            assertEquals("systole", store.event(region.id()).orElseThrow().type());
            assertTrue(service.undo()); // resize
            assertEquals(0.40, store.event(region.id()).orElseThrow().end(), 1e-12); // moved, not yet resized
            assertTrue(service.undo()); // move
            assertEquals(0.10, store.event(region.id()).orElseThrow().start(), 1e-12);
            assertTrue(service.undo()); // add S1
            assertTrue(service.undo()); // add systole
            assertEquals(List.of(), store.events(ref.id()));
            assertTrue(service.undo()); // notes
            assertEquals("", store.label(ref.id(), Source.USER, Opinion.FIRST).orElseThrow().notes());
            assertTrue(service.undo()); // quality
            assertTrue(service.undo()); // class
            assertEquals(Optional.empty(), store.label(ref.id(), Source.USER, Opinion.FIRST));
            assertFalse(service.undo());
            assertFalse(service.canUndo());

            while (service.redo()) {
                // replays all ten edits
            }
            assertEquals(List.of(new LabelEvent(region.id(), ref.id(), Source.USER, "murmur", 0.20, 0.50, "ana",
                    CLOCK.instant())), store.events(ref.id()));
            assertEquals(label, store.label(ref.id(), Source.USER, Opinion.FIRST).orElseThrow());
            assertTrue(store.classes().contains("split-s2"));

            service.undo();
            service.setClass(ref, Opinion.FIRST, "normal");
            assertFalse(service.canRedo(), "a new edit clears the redo stack");
        }
    }

    @Test
    void undoAfterAnotherWindowDeletedTheEventSaysSo() throws IOException {
        Path db = folder.resolve("labels.db");
        try (LabelStore one = LabelStore.open(db); LabelStore two = LabelStore.open(db)) {
            LabelService first = new LabelService(one, "ana", CLOCK);
            LabelService second = new LabelService(two, "ben", CLOCK);
            RecordingRef ref = first.recording(recordingFile(folder, "a.wav", 1));
            LabelEvent event = first.addEvent(ref, "S1", 1, 1);
            first.moveEvent(event.id(), 2);
            second.deleteEvent(event.id());
            LabelStoreException failure = assertThrows(LabelStoreException.class, first::undo);
            assertTrue(failure.getMessage().contains("no longer exists"), failure.getMessage());
        }
    }

    @Test
    void badInputIsRefusedWithTheReason() throws IOException {
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            LabelService service = new LabelService(store, "ana", CLOCK);
            RecordingRef ref = service.recording(recordingFile(folder, "a.wav", 1));
            IllegalArgumentException times = assertThrows(IllegalArgumentException.class,
                    () -> service.addEvent(ref, "S1", 2, 1));
            assertTrue(times.getMessage().contains("start 2.0, end 1.0"), times.getMessage());
            assertThrows(IllegalArgumentException.class, () -> service.addEvent(ref, " ", 1, 2));
            assertThrows(IllegalArgumentException.class, () -> service.setClass(ref, Opinion.FIRST, "a,b"));
            assertThrows(IllegalArgumentException.class, () -> service.deleteEvent(12345));
            assertFalse(service.canUndo());
            assertThrows(IOException.class, () -> service.recording(folder.resolve("missing.wav")));
        }
    }
}
