package org.auscult.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationTsvTest {

    @TempDir
    Path folder;

    @Test
    void writesAndReadsTheCirCorLayout() throws IOException {
        List<Segment> segments = List.of(new Segment(0, 0.72375, CardiacState.UNANNOTATED),
                new Segment(0.72375, 0.880241, CardiacState.S1), new Segment(0.880241, 1.000241, CardiacState.SYSTOLE),
                new Segment(1.000241, 1.120241, CardiacState.S2), new Segment(1.120241, 1.340241, CardiacState.DIASTOLE));
        Path file = folder.resolve("a.tsv");
        SegmentationTsv.write(file, segments, false);
        assertEquals("0.000000\t0.723750\t0\n0.723750\t0.880241\t1\n0.880241\t1.000241\t2\n"
                + "1.000241\t1.120241\t3\n1.120241\t1.340241\t4\n", Files.readString(file));
        assertEquals(segments, SegmentationTsv.read(file));
    }

    @Test
    void readsTheBundledCirCorFiles() throws IOException {
        List<Segment> segments = SegmentationTsv.read(Path.of("sample-recordings/circor/40058_PV.tsv"));
        assertEquals(new Segment(0, 0.72375, CardiacState.UNANNOTATED), segments.get(0));
        assertEquals(new Segment(0.72375, 0.880241, CardiacState.S1), segments.get(1));
    }

    @Test
    void doesNotOverwriteUnlessAsked() throws IOException {
        Path file = folder.resolve("b.tsv");
        Files.writeString(file, "mine");
        List<Segment> segments = List.of(new Segment(0, 1, CardiacState.S1));
        assertThrows(FileAlreadyExistsException.class, () -> SegmentationTsv.write(file, segments, false));
        assertEquals("mine", Files.readString(file));
        SegmentationTsv.write(file, segments, true);
        assertEquals(segments, SegmentationTsv.read(file));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aBadLineIsNamedWithItsFileAndNumber() throws IOException {
        Path file = folder.resolve("bad.tsv");
        Files.writeString(file, "0\t1\t1\n1\t2\t7\n");
        IOException error = assertThrows(IOException.class, () -> SegmentationTsv.read(file));
        assertTrue(error.getMessage().startsWith(file + ": line 2: state must be 0"), error.getMessage());
        Files.writeString(file, "0\t1\n");
        error = assertThrows(IOException.class, () -> SegmentationTsv.read(file));
        assertTrue(error.getMessage().contains("line 1: expected start, end and state"), error.getMessage());
        Files.writeString(file, "0\tx\t1\n");
        error = assertThrows(IOException.class, () -> SegmentationTsv.read(file));
        assertTrue(error.getMessage().contains("line 1: end is not a number: 'x'"), error.getMessage());
        Files.writeString(file, "2\t1\t1\n");
        error = assertThrows(IOException.class, () -> SegmentationTsv.read(file));
        assertTrue(error.getMessage().contains("0 <= start <= end"), error.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsNamedWithItsLine() throws IOException {
        Path file = folder.resolve("latin1.tsv");
        Files.write(file, "0\t1\t1\n1\t2\t2 caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        IOException error = assertThrows(IOException.class, () -> SegmentationTsv.read(file));
        assertTrue(error.getMessage().contains("latin1.tsv line 2: not UTF-8"), error.getMessage());
    }
}
