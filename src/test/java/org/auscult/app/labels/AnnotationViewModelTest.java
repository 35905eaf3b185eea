package org.auscult.app.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.labels.LabelEvent;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.auscult.labels.Opinion;
import org.auscult.labels.Quality;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The annotation view model without a toolkit: every store call runs synchronously. */
class AnnotationViewModelTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private AnnotationViewModel model;
    private LabelStore store;
    private Path first;
    private Path second;

    @BeforeEach
    void open() throws IOException {
        first = Files.copy(Path.of("sample-recordings/circor/36327_MV.wav"), folder.resolve("first.wav"));
        second = Files.copy(Path.of("sample-recordings/circor/40058_PV.wav"), folder.resolve("second.wav"));
        store = LabelStore.open(folder.resolve("labels.db"));
        model = new AnnotationViewModel(new CurrentThreadTaskExecutor());
        model.connect(() -> new LabelService(store, "ana", CLOCK));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void labelsAndEventsOfTheShownRecording() {
        assertTrue(model.availableProperty().get());
        model.show(first);
        long id = model.recordingProperty().get().id();
        assertNull(model.labelProperty().get());
        assertFalse(model.isLabelled(first));

        model.setClassByKey(2);
        model.setQuality(Quality.NOISY);
        model.setNotes("soft S1");
        RecordingLabel label = model.labelProperty().get();
        assertEquals(Optional.of("murmur"), label.labelClass());
        assertEquals(Optional.of(Quality.NOISY), label.quality());
        assertEquals("soft S1", label.notes());
        assertEquals(label, store.label(id, Source.USER, Opinion.FIRST).orElseThrow());
        assertTrue(model.isLabelled(first));
        assertFalse(model.isLabelled(second));
        assertEquals(java.util.Map.of(first.toAbsolutePath().normalize(), "murmur"), model.userClasses());

        model.addEvent(0.4, 0.2);
        LabelEvent region = model.selectedEventProperty().get();
        assertEquals(List.of(0.2, 0.4, "S1"), List.of(region.start(), region.end(), region.type()));
        model.currentTypeProperty().set("S2");
        model.addEvent(1.0, 1.0);
        assertEquals(2, model.events().size());
        assertEquals(1.0, model.nextEvent(0.2).orElseThrow().start());
        assertEquals(0.2, model.nextEvent(5).orElseThrow().start(), "wraps to the first");
        assertEquals(0.2, model.previousEvent(1.0).orElseThrow().start());

        model.selectedEventProperty().set(model.events().get(0));
        model.chooseType("murmur");
        assertEquals("murmur", store.event(region.id()).orElseThrow().type());
        model.moveEvent(model.events().get(0), 0.5);
        assertEquals(0.5, store.event(region.id()).orElseThrow().start());
        assertEquals(0.7, store.event(region.id()).orElseThrow().end(), 1e-12);
        model.undo();
        model.undo();
        assertEquals("S1", store.event(region.id()).orElseThrow().type());
        assertTrue(model.undoState().canRedoProperty().get());
        model.redo();
        assertEquals("murmur", store.event(region.id()).orElseThrow().type());

        model.selectedEventProperty().set(model.events().get(0));
        model.deleteSelected();
        assertEquals(1, model.events().size());
        assertNull(model.selectedEventProperty().get());

        // the second opinion is separate
        model.opinionProperty().set(Opinion.SECOND);
        assertNull(model.labelProperty().get());
        model.setClass("split-s2");
        assertTrue(model.classes().contains("split-s2"), "a typed class is added to the list");
        assertEquals(1, store.disagreements().size());

        model.show(second);
        assertEquals(List.of(), model.events());
    }

    @Test
    void aFailedEditSaysWhyAndShowsTheStoreAsItIs() {
        model.show(first);
        model.addEvent(1, 1);
        LabelEvent event = model.events().get(0);
        new LabelService(store, "ben", CLOCK).deleteEvent(event.id());
        model.moveEvent(event, 2);
        assertTrue(model.messageProperty().get().startsWith("Could not move S1: event " + event.id()
                + " does not exist"), model.messageProperty().get());
        assertEquals(List.of(), model.events());
    }

    @Test
    void withoutADatabaseLabellingIsOffAndSaysWhy() {
        AnnotationViewModel off = new AnnotationViewModel(new CurrentThreadTaskExecutor());
        // a folder where the database file should be: it cannot be opened
        off.connect(() -> new LabelService(LabelStore.open(folder), "ana", CLOCK));
        assertFalse(off.availableProperty().get());
        assertTrue(off.messageProperty().get().startsWith("Labelling is off: " + folder), off.messageProperty().get());
        off.show(first);
        off.setClassByKey(1);
        assertNull(off.recordingProperty().get());
    }

    @Test
    void aRecordingMadeInRecordModeSaysWhereAndWhenForWhom() throws Exception {
        org.auscult.labels.Examinations examinations = store.examinations();
        long examination = examinations.start("p12", Instant.parse("2026-03-01T10:00:00Z"));
        examinations.record(first, examination, "MV", Instant.parse("2026-03-01T10:00:05Z"), "USB Audio");
        examinations.record(second, examination, "PV", Instant.parse("2026-03-01T10:01:00Z"), "USB Audio");
        long id = store.findRecording(first).orElseThrow().id();
        assertEquals("Recorded at MV for p12, 1 Mar 2026 10:00; examination since 10:00: PV, MV",
                RecordedAs.describe(store, id, ZoneOffset.UTC));

        model.show(first);
        assertTrue(model.recordedAsProperty().get().startsWith("Recorded at MV for p12, 1 Mar 2026 "),
                model.recordedAsProperty().get());
        Path elsewhere = Files.copy(Path.of("sample-recordings/circor/69120_TV.wav"), folder.resolve("other.wav"));
        model.show(elsewhere);
        assertEquals("", model.recordedAsProperty().get(), "a recording not made in Record mode says nothing");
    }
}
