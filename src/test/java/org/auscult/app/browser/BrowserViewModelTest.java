package org.auscult.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.auscult.app.task.CurrentThreadTaskExecutor;
import org.auscult.app.task.StatusReporter;
import org.auscult.audio.AudioClip;
import org.auscult.audio.WavWriter;
import org.auscult.library.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserViewModelTest {

    @TempDir
    Path folder;

    private void wav(String relative, int rate, int samples) throws Exception {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        WavWriter.writePcm16(file, new AudioClip(new float[samples], rate), WavWriter.Overwrite.REFUSE);
    }

    @Test
    void opensAFolderMarksTheUnreadableAndFilters() throws Exception {
        wav("normal/n1.wav", 4000, 8000);
        wav("normal/n2.wav", 4000, 4000);
        wav("murmur/m1.wav", 2000, 3000);
        wav("loose.wav", 4000, 400);
        Files.writeString(folder.resolve("murmur/broken.wav"), "not a wav file");
        StatusReporter status = new StatusReporter();
        BrowserViewModel model = new BrowserViewModel(new CurrentThreadTaskExecutor(), status);
        model.open(folder);

        assertEquals(5, model.rows().size(), status.messageProperty().get());
        RecordingRow n1 = row(model, "normal/n1");
        assertEquals(2.0, n1.durationProperty().get(), 0);
        assertEquals(4000, n1.sampleRateProperty().get());
        assertEquals("normal", n1.label());
        RecordingRow broken = row(model, "murmur/broken");
        assertTrue(broken.unreadable());
        assertTrue(!broken.problemProperty().get().isEmpty());
        assertTrue(!row(model, "loose").labelled());
        assertEquals(List.of(BrowserViewModel.ALL, "murmur", "normal", BrowserViewModel.UNLABELLED,
                BrowserViewModel.UNREADABLE), List.copyOf(model.classChoices()));
        assertTrue(status.messageProperty().get().startsWith("Opened 5 recordings"), status.messageProperty().get());

        model.classFilterProperty().set("normal");
        assertEquals(List.of("normal/n1", "normal/n2"), names(model));
        model.classFilterProperty().set(BrowserViewModel.UNREADABLE);
        assertEquals(List.of("murmur/broken"), names(model));
        model.classFilterProperty().set(BrowserViewModel.UNLABELLED);
        assertEquals(List.of("loose"), names(model));
        model.classFilterProperty().set(BrowserViewModel.ALL);
        model.searchTextProperty().set("M1");
        assertEquals(List.of("murmur/m1"), names(model));
    }

    @Test
    void aPlainFolderOpensUnlabelledAndANamedLayoutIsUsed() throws Exception {
        wav("a.wav", 4000, 4000);
        wav("b.wav", 4000, 4000);
        wav("ward/p1/c.wav", 4000, 4000);
        StatusReporter status = new StatusReporter();
        BrowserViewModel model = new BrowserViewModel(new CurrentThreadTaskExecutor(), status);

        model.open(folder, Optional.of(Layout.PLAIN_FOLDER));
        assertEquals(List.of("a", "b", "ward/p1/c"), names(model));
        assertTrue(model.rows().stream().noneMatch(RecordingRow::labelled));
        assertTrue(status.messageProperty().get().endsWith("read as: " + Layout.PLAIN_FOLDER.displayName()),
                status.messageProperty().get());

        model.open(folder); // detected: the sub-folder reads as a class folder
        assertEquals("ward", row(model, "ward/p1/c").label());
    }

    @Test
    void flacAndMp3RecordingsAreBrowsedAndAnOggIsShownUnreadableWithItsRemedy() throws Exception {
        Path compressed = Path.of("src/test/resources/org/auscult/audio/compressed");
        Files.createDirectories(folder.resolve("murmur"));
        Files.copy(compressed.resolve("40058_PV.flac"), folder.resolve("murmur/m1.flac"));
        Files.copy(compressed.resolve("tone-440-8k.mp3"), folder.resolve("murmur/m2.mp3"));
        Files.write(folder.resolve("murmur/m3.ogg"),
                "OggS\0\u0002\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        StatusReporter status = new StatusReporter();
        BrowserViewModel model = new BrowserViewModel(new CurrentThreadTaskExecutor(), status);
        model.open(folder);

        assertEquals(3, model.rows().size(), status.messageProperty().get());
        assertEquals(13.392, row(model, "murmur/m1").durationProperty().get(), 1e-9);
        assertEquals(8000, row(model, "murmur/m2").sampleRateProperty().get());
        RecordingRow ogg = row(model, "murmur/m3");
        assertTrue(ogg.unreadable());
        assertTrue(ogg.problemProperty().get().contains("ffmpeg -i \"m3.ogg\" \"m3.wav\""),
                ogg.problemProperty().get());
        model.classFilterProperty().set(BrowserViewModel.UNREADABLE);
        assertEquals(List.of("murmur/m3"), names(model));
    }

    @Test
    void aMissingFolderIsReportedNotThrown() {
        StatusReporter status = new StatusReporter();
        BrowserViewModel model = new BrowserViewModel(new CurrentThreadTaskExecutor(), status);
        model.open(folder.resolve("nowhere"));
        assertTrue(status.messageProperty().get().startsWith("Cannot open"), status.messageProperty().get());
        assertTrue(status.messageProperty().get().contains("nowhere"));
        assertEquals(0, model.rows().size());
    }

    private static RecordingRow row(BrowserViewModel model, String name) {
        return model.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> names(BrowserViewModel model) {
        return model.filteredRows().stream().map(RecordingRow::name).sorted().toList();
    }
}
