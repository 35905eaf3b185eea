package org.auscult.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Patients, sites and examinations kept beside the labels, on a real SQLite file. */
class ExaminationStoreTest {

    private static final Instant EIGHT_THIRTY = Instant.parse("2026-12-05T08:30:00Z");

    @TempDir
    Path folder;

    private LabelService service(LabelStore store) {
        return new LabelService(store, "ana", Clock.fixed(EIGHT_THIRTY, ZoneOffset.UTC));
    }

    @Test
    void aPatientsSitesRecordedInOneSittingFormOneExamination() throws Exception {
        Path db = folder.resolve("labels.db");
        Path mitral = LabelStoreTest.recordingFile(folder, "p12_MV.wav", 1);
        Path aortic = LabelStoreTest.recordingFile(folder, "p12_AV.wav", 2);
        long examination;
        try (LabelStore store = LabelStore.open(db)) {
            Examinations examinations = store.examinations();
            examination = examinations.start("  p12 ", EIGHT_THIRTY);
            examinations.record(mitral, examination, "MV", EIGHT_THIRTY, "USB Audio");
            examinations.record(aortic, examination, "AV", EIGHT_THIRTY.plusSeconds(40), "USB Audio");
            long other = examinations.start("p12", EIGHT_THIRTY);
            assertNotEquals(examination, other);
        }
        try (LabelStore store = LabelStore.open(db)) {
            Examinations examinations = store.examinations();
            Examination found = examinations.examination(examination).orElseThrow();
            assertEquals("p12", found.patient());
            assertEquals(EIGHT_THIRTY, found.startedAt());
            assertEquals(List.of("MV", "AV"), found.auscultations().stream().map(Auscultation::site).toList(),
                    "in the order they were recorded");
            assertEquals(List.of("AV", "MV"), found.sites(), "in the order of the sites");
            RecordingRef mitralRef = store.findRecording(mitral).orElseThrow();
            Auscultation where = examinations.auscultation(mitralRef.id()).orElseThrow();
            assertEquals(new Auscultation(mitralRef.id(), examination, "p12", "MV", EIGHT_THIRTY, "USB Audio"),
                    where);
            List<Examination> all = examinations.of("p12");
            assertEquals(2, all.size());
            assertEquals(examination, all.get(1).id(), "newest first");
            assertTrue(all.get(0).auscultations().isEmpty());
            assertEquals(List.of(), examinations.of("p13"));
        }
    }

    @Test
    void aRecordingThatGrewKeepsItsPlaceAndGetsItsNewHash() throws Exception {
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            Examinations examinations = store.examinations();
            Path growing = LabelStoreTest.recordingFile(folder, "live.wav", 3);
            long examination = examinations.start("p1", EIGHT_THIRTY);
            Auscultation first = examinations.record(growing, examination, "TV", EIGHT_THIRTY, "");
            String hashBefore = store.findRecording(growing).orElseThrow().sha256();
            Files.write(growing, new byte[4096], StandardOpenOption.APPEND);
            Auscultation again = examinations.record(growing, examination, "TV", EIGHT_THIRTY, "");
            assertEquals(first, again);
            assertNotEquals(hashBefore, store.findRecording(growing).orElseThrow().sha256());
            assertEquals(1, examinations.examination(examination).orElseThrow().auscultations().size());
        }
    }

    @Test
    void aDiscardedRecordingIsForgottenUnlessSomeoneLabelledIt() throws Exception {
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            LabelService service = service(store);
            Examinations examinations = store.examinations();
            Path kept = LabelStoreTest.recordingFile(folder, "kept.wav", 4);
            Path labelled = LabelStoreTest.recordingFile(folder, "labelled.wav", 5);
            Path discarded = LabelStoreTest.recordingFile(folder, "discarded.wav", 6);
            long examination = examinations.start("p2", EIGHT_THIRTY);
            examinations.record(kept, examination, "MV", EIGHT_THIRTY, "");
            examinations.record(labelled, examination, "PV", EIGHT_THIRTY, "");
            service.setClass(store.findRecording(labelled).orElseThrow(), Opinion.FIRST, "murmur");
            examinations.record(discarded, examination, "PhC", EIGHT_THIRTY, "");

            examinations.forget(discarded);
            assertEquals(Optional.empty(), store.findRecording(discarded), "nothing else referred to it");
            examinations.forget(labelled);
            RecordingRef stillThere = store.findRecording(labelled).orElseThrow();
            assertEquals(Optional.of("murmur"), store.currentClass(stillThere.id()), "its label is kept");
            assertEquals(Optional.empty(), examinations.auscultation(stillThere.id()));
            assertEquals(List.of("MV"), examinations.examination(examination).orElseThrow().sites());

            examinations.forget(kept);
            assertEquals(Optional.empty(), examinations.examination(examination), "an examination left empty goes");
            examinations.forget(folder.resolve("never-seen.wav"));   // nothing to forget
        }
    }

    @Test
    void recordingsAreFactsTheLabellingUndoDoesNotTouch() throws Exception {
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            LabelService service = service(store);
            Examinations examinations = store.examinations();
            Path file = LabelStoreTest.recordingFile(folder, "a.wav", 7);
            assertFalse(service.canUndo());
            long examination = examinations.start("p3", EIGHT_THIRTY);
            examinations.record(file, examination, "MV", EIGHT_THIRTY, "");
            assertFalse(service.canUndo(), "nothing on the undo stack");
        }
    }

    @Test
    void aBlankPatientOrAnUnknownSiteIsRefused() throws Exception {
        try (LabelStore store = LabelStore.open(folder.resolve("labels.db"))) {
            Examinations examinations = store.examinations();
            Path file = LabelStoreTest.recordingFile(folder, "a.wav", 8);
            assertThrows(IllegalArgumentException.class, () -> examinations.start("   ", EIGHT_THIRTY));
            long examination = examinations.start("p4", EIGHT_THIRTY);
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> examinations.record(file, examination, "apex", EIGHT_THIRTY, ""));
            assertTrue(unknown.getMessage().contains("apex"), unknown.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> examinations.record(file, examination + 1, "MV", EIGHT_THIRTY, ""));
            assertEquals(Optional.empty(), store.findRecording(file), "nothing half-written");
        }
    }
}
