package org.auscult.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkstationOptionsTest {

    @Test
    void readsOpenAndModelInBothSpellings() {
        WorkstationOptions options = WorkstationOptions.parse(List.of("--open", "some/folder", "--model=m.auscult"));
        assertEquals(Optional.of(Path.of("some/folder")), options.collection());
        assertEquals(Optional.of(Path.of("m.auscult")), options.model());
    }

    @Test
    void readsALayoutByItsNameInAnyCaseOrHyphenated() {
        assertEquals(Optional.of(org.auscult.library.Layout.PLAIN_FOLDER),
                WorkstationOptions.parse(List.of("--open", "f", "--layout", "plain-folder")).layout());
        assertEquals(Optional.of(org.auscult.library.Layout.CIRCOR_2022),
                WorkstationOptions.parse(List.of("--layout=CIRCOR_2022")).layout());
        assertEquals(Optional.empty(), WorkstationOptions.parse(List.of()).layout());
        String message = assertThrows(IllegalArgumentException.class,
                () -> WorkstationOptions.parse(List.of("--layout", "flat"))).getMessage();
        assertTrue(message.contains("'flat'") && message.contains("plain-folder"), message);
    }

    @Test
    void selfCheckIsAFlagWithoutAValue() {
        WorkstationOptions options = WorkstationOptions.parse(List.of("--self-check", "--open", "f"));
        assertTrue(options.selfCheck());
        assertEquals(Optional.of(Path.of("f")), options.collection());
        assertTrue(!WorkstationOptions.parse(List.of("--open", "f")).selfCheck());
    }

    @Test
    void defaultsToTheSampleRecordings() {
        // The tests run in the project folder, which holds sample-recordings/circor.
        assertEquals(Optional.of(WorkstationOptions.SAMPLE_RECORDINGS), WorkstationOptions.parse(List.of()).collection());
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkstationOptions.parse(List.of("--opn", "x")))
                .getMessage().contains("'--opn'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkstationOptions.parse(List.of("--open")))
                .getMessage().contains("--open needs a value"));
    }

    @Test
    void layoutSurvivesARoundTripAndIgnoresGarbage(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("deep/layout.properties");
        LayoutStore store = new LayoutStore(file);
        assertEquals(0.3, store.get("columns.0", 0.3), 0);
        store.put("columns.0", 0.25);
        store.put("window.width", 1111);
        store.save();
        LayoutStore again = new LayoutStore(file);
        assertEquals(0.25, again.get("columns.0", 0.3), 0);
        assertEquals(1111, again.get("window.width", 0), 0);
        Files.writeString(file, "columns.0=wide\n");
        assertEquals(0.3, new LayoutStore(file).get("columns.0", 0.3), 0);
        try (var listing = Files.list(file.getParent())) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }
}
