package org.auscult.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingIdsTest {

    private static final Path ROOT = Path.of("/data").toAbsolutePath();

    @Test
    void idsThatDoNotClashAreKept() {
        assertEquals(List.of("x", "y"), RecordingIds.distinct(
                List.of(ROOT.resolve("s1/x.wav"), ROOT.resolve("s2/y.wav")), List.of("x", "y")));
    }

    @Test
    void clashingIdsBecomeThePathBelowTheSharedFolder() {
        List<Path> files = List.of(ROOT.resolve("s1/x.wav"), ROOT.resolve("a/b/s2/x.wav"), ROOT.resolve("z.wav"));
        assertEquals(List.of("s1/x", "a/b/s2/x", "z"), RecordingIds.distinct(files, List.of("x", "x", "z")));
    }

    @Test
    void collectionIdsThatClashAreToldApartByTheirCollection() {
        List<Path> files = List.of(ROOT.resolve("one/rec/a.wav"), ROOT.resolve("two/rec/a.wav"));
        assertEquals(List.of("one/rec/a", "two/rec/a"), RecordingIds.distinct(files, List.of("rec/a", "rec/a")));
    }

    @Test
    void filesDifferingOnlyByExtensionKeepIt() {
        List<Path> files = List.of(ROOT.resolve("s/x.wav"), ROOT.resolve("s/x.flac"));
        assertEquals(List.of("x.wav", "x.flac"), RecordingIds.distinct(files, List.of("x", "x")));
    }

    @Test
    void aFileGivenTwiceIsOneRecording() {
        List<Path> files = List.of(ROOT.resolve("s/x.wav"), ROOT.resolve("s/./x.wav"));
        assertEquals(List.of("x", "x"), RecordingIds.distinct(files, List.of("x", "x")));
    }
}
