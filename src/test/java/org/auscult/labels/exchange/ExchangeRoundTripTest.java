package org.auscult.labels.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.auscult.labels.Opinion;
import org.auscult.labels.Quality;
import org.auscult.labels.RecordingRef;
import org.auscult.labels.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every exchange format survives export, import into a fresh store, and export again. */
class ExchangeRoundTripTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final Path CIRCOR = Path.of("sample-recordings/circor");

    @TempDir
    Path folder;

    private LabelStore store;
    private LabelService service;
    private LabelExchange exchange;

    @BeforeEach
    void open() {
        store = LabelStore.open(folder.resolve("labels.db"));
        service = new LabelService(store, "ana", CLOCK);
        exchange = new LabelExchange(service);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static Path shared(String relative) {
        Path path = Path.of(System.getProperty("auscult.shared", "../shared")).resolve(relative);
        assumeTrue(Files.exists(path), "skipped: " + path.toAbsolutePath().normalize()
                + " is absent (set -Dauscult.shared to the shared data folder to run this test)");
        return path;
    }

    private static Path file(Path folder, String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void audacityLabelTrack() throws IOException {
        Path recording = CIRCOR.resolve("36327_MV.wav");
        Path track = file(folder, "in.txt", "0.100000\t0.100000\tS1\n\\\t20.0\t400.0\n0.250000\t0.400000\tsystole\n"
                + "1.500000\t1.750000\tsplit S2\n");
        List<TimedMark> read = AudacityLabels.read(track);
        assertEquals(List.of(new TimedMark(0.1, 0.1, "S1"), new TimedMark(0.25, 0.4, "systole"),
                new TimedMark(1.5, 1.75, "split S2")), read, "the frequency line is skipped");
        assertEquals(3, exchange.importAudacity(track, recording, Source.USER).events());
        Path out = folder.resolve("out.txt");
        exchange.exportAudacity(recording, out, false);
        assertEquals(Files.readString(track).replace("\\\t20.0\t400.0\n", ""), Files.readString(out));
        assertThrows(FileAlreadyExistsException.class, () -> exchange.exportAudacity(recording, out, false));

        // into a fresh store and out again
        try (LabelStore other = LabelStore.open(folder.resolve("other.db"))) {
            LabelExchange second = new LabelExchange(new LabelService(other, "ben", CLOCK));
            second.importAudacity(out, recording, Source.IMPORT);
            Path again = folder.resolve("again.txt");
            second.exportAudacity(recording, again, false);
            assertEquals(Files.readString(out), Files.readString(again));
        }
        ExchangeFormatException bad = assertThrows(ExchangeFormatException.class,
                () -> AudacityLabels.read(file(folder, "bad.txt", "0.1\t0.2\tS1\n0.5\tabc\tS2\n")));
        assertEquals(folder.resolve("bad.txt") + " line 2: end must be a time in seconds from 0 to 86400, written as a "
                + "decimal number; got 'abc'", bad.getMessage());
    }

    @Test
    void circorSegmentationsOfEveryBundledRecording() throws IOException {
        List<Path> tsvs;
        try (Stream<Path> files = Files.list(CIRCOR)) {
            tsvs = files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        assertEquals(16, tsvs.size());
        for (Path tsv : tsvs) {
            Path recording = tsv.resolveSibling(tsv.getFileName().toString().replace(".tsv", ".wav"));
            exchange.importCirCor(tsv, recording, Source.IMPORT);
            Path out = folder.resolve(tsv.getFileName());
            assertEquals(0, exchange.exportCirCor(recording, out, false));
            assertEquals(CirCorSegmentation.read(tsv), CirCorSegmentation.read(out), tsv.toString());
            assertEquals(Files.readString(tsv).strip(), Files.readString(out).strip(), tsv.toString());
        }
        // S3 has no CirCor state: it is left out, and counted
        Path recording = CIRCOR.resolve("36327_MV.wav");
        RecordingRef ref = service.recording(recording);
        service.addEvent(ref, "S3", 3.0, 3.0);
        assertEquals(1, exchange.exportCirCor(recording, folder.resolve("with-s3.tsv"), false));
        ExchangeFormatException bad = assertThrows(ExchangeFormatException.class,
                () -> CirCorSegmentation.read(file(folder, "bad.tsv", "0\t1\t0\n1\t2\t7\n")));
        assertTrue(bad.getMessage().endsWith("line 2: state must be 0-4, got '7'"), bad.getMessage());
    }

    @Test
    void pascalTimingSynthetic() throws IOException {
        Path root = folder.resolve("pascal");
        Path a = root.resolve("set_a/normal__1.wav");
        Files.createDirectories(a.getParent());
        Files.copy(CIRCOR.resolve("36327_MV.wav"), a);
        Path b = Files.copy(CIRCOR.resolve("40058_PV.wav"), root.resolve("set_a/murmur__2.wav"));
        Path timing = file(folder, "timing.csv", "fname,cycle,sound,location\n"
                + "set_a/normal__1.wav,1,S1,10021\nset_a/normal__1.wav,1,S2,20759\n"
                + "set_a/normal__1.wav,2,S1,35075\nset_a/normal__1.wav,2,S2,47244\n"
                + "set_a/murmur__2.wav,1,S2,999\nset_a/murmur__2.wav,1,S1,5000\nset_a/missing.wav,1,S1,5\n");
        ImportReport report = exchange.importPascalTiming(timing, root, Source.IMPORT);
        assertEquals(6, report.events());
        assertEquals(1, report.problems().size());
        assertTrue(report.problems().get(0).contains("set_a/missing.wav (1 marks): no such file"),
                report.problems().get(0));
        assertEquals(10021 / 44100.0, store.events(store.findRecording(a).orElseThrow().id()).get(0).start());
        Path out = folder.resolve("out.csv");
        assertEquals(6, exchange.exportPascalTiming(root, out, false));
        assertEquals(List.of(new PascalTiming.Mark("set_a/murmur__2.wav", 1, "S2", 999),
                new PascalTiming.Mark("set_a/murmur__2.wav", 1, "S1", 5000),
                new PascalTiming.Mark("set_a/normal__1.wav", 1, "S1", 10021),
                new PascalTiming.Mark("set_a/normal__1.wav", 1, "S2", 20759),
                new PascalTiming.Mark("set_a/normal__1.wav", 2, "S1", 35075),
                new PascalTiming.Mark("set_a/normal__1.wav", 2, "S2", 47244)), PascalTiming.read(out));
        assertTrue(Files.exists(b));
    }

    /**
     * The real file: every (file, sound, location) survives exactly; cycles are renumbered in time order, which
     * matches the file for every recording whose marks are in time order (all but normal__201105011626, where cycle
     * 8's S2 lies after cycle 9's S1).
     */
    @Test
    void pascalTimingOfTheRealCollection() throws IOException {
        Path root = shared("data/pascal2011");
        Path timing = root.resolve("set_a_timing.csv");
        List<PascalTiming.Mark> original = PascalTiming.read(timing);
        assertEquals(390, original.size());
        ImportReport report = exchange.importPascalTiming(timing, root, Source.IMPORT);
        assertEquals(List.of(), report.problems());
        Path out = folder.resolve("set_a_timing.csv");
        exchange.exportPascalTiming(root, out, false);
        List<PascalTiming.Mark> exported = PascalTiming.read(out);
        assertEquals(keys(original), keys(exported));
        Map<String, List<PascalTiming.Mark>> originalByFile = byFile(original);
        Map<String, List<PascalTiming.Mark>> exportedByFile = byFile(exported);
        List<String> outOfOrder = new ArrayList<>();
        for (String fname : originalByFile.keySet()) {
            List<PascalTiming.Mark> marks = originalByFile.get(fname);
            boolean inTimeOrder = marks.stream().map(PascalTiming.Mark::location).sorted().toList()
                    .equals(marks.stream().map(PascalTiming.Mark::location).toList());
            if (inTimeOrder) {
                assertEquals(marks, exportedByFile.get(fname), fname);
            } else {
                outOfOrder.add(fname);
            }
        }
        assertEquals(List.of("set_a/normal__201105011626.wav"), outOfOrder);
    }

    private static List<String> keys(List<PascalTiming.Mark> marks) {
        return marks.stream().map(m -> m.fname() + "," + m.sound() + "," + m.location()).sorted().toList();
    }

    private static Map<String, List<PascalTiming.Mark>> byFile(List<PascalTiming.Mark> marks) {
        return marks.stream().collect(Collectors.groupingBy(PascalTiming.Mark::fname, java.util.TreeMap::new,
                Collectors.toList()));
    }

    @Test
    void recordingLabelsCsv() throws IOException {
        Path collection = folder.resolve("collection");
        Files.createDirectories(collection);
        Path a = Files.copy(CIRCOR.resolve("36327_MV.wav"), collection.resolve("a.wav"));
        Path b = Files.copy(CIRCOR.resolve("40058_PV.wav"), collection.resolve("b, with comma.wav"));
        RecordingRef refA = service.recording(a);
        RecordingRef refB = service.recording(b);
        service.setClass(refA, Opinion.FIRST, "murmur");
        service.setQuality(refA, Opinion.FIRST, Quality.NOISY);
        service.setNotes(refA, Opinion.FIRST, "loud, \"harsh\"\nsecond line");
        new LabelService(store, "ben", CLOCK).setClass(refA, Opinion.SECOND, "normal");
        service.importLabels("import", Source.IMPORT, List.of(new LabelService.ImportedLabel(refB, Opinion.FIRST,
                new org.auscult.labels.RecordingLabel(Optional.of("normal"), Optional.empty(), "", "PASCAL",
                        Instant.parse("2011-05-01T00:00:00Z")))), List.of());
        Path csv = collection.resolve("labels-export.csv");
        assertEquals(3, exchange.exportRecordingLabels(csv, Optional.empty(), false));

        // The collection moves before the labels come back into a fresh store: the rows' paths are relative.
        Path moved = Files.move(collection, folder.resolve("moved"));
        try (LabelStore other = LabelStore.open(folder.resolve("other.db"))) {
            LabelExchange second = new LabelExchange(new LabelService(other, "carl", CLOCK));
            ImportReport report = second.importRecordingLabels(moved.resolve("labels-export.csv"));
            assertEquals(3, report.labels());
            assertEquals(List.of(), report.problems());
            Path again = folder.resolve("again.csv");
            second.exportRecordingLabels(again, Optional.empty(), false);
            assertEquals(RecordingLabelsCsv.read(moved.resolve("labels-export.csv")).stream()
                            .sorted(Comparator.comparing(r -> r.path().getFileName().toString())).map(this::strip).toList(),
                    RecordingLabelsCsv.read(again).stream()
                            .sorted(Comparator.comparing(r -> r.path().getFileName().toString())).map(this::strip).toList());
        }
    }

    /** A row without its path's folder (the collection moved between export and import). */
    private String strip(RecordingLabelsCsv.Row row) {
        return row.path().getFileName() + "|" + row.sha256() + "|" + row.source() + "|" + row.opinion() + "|"
                + row.label();
    }
}
