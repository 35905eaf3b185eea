package org.auscult.labels.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.auscult.labels.LabelService;
import org.auscult.labels.LabelStore;
import org.auscult.labels.Opinion;
import org.auscult.labels.Quality;
import org.auscult.labels.RecordingLabel;
import org.auscult.labels.RecordingRef;
import org.auscult.labels.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Label files written by a careless user or an attacker: each is refused with the file, the line and the problem,
 * and nothing in the store changes because of a row that was refused.
 */
class HostileLabelFilesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    static final Path WAV = Path.of("sample-recordings/circor/36327_MV.wav");

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

    private Path bytes(String name, byte[] content) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path latin1(String name, String text) throws IOException {
        return bytes(name, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private interface Reader {
        void read(Path file) throws IOException;
    }

    private static void assertRefused(Path file, String where, String what, Reader reader) {
        ExchangeFormatException refused = assertThrows(ExchangeFormatException.class, () -> reader.read(file));
        String message = refused.getMessage();
        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains(where), message);
        assertTrue(message.contains(what), message);
    }

    // ---- finding 7: not UTF-8, lines without end ---------------------------------------------------------------

    @Test
    void aFileThatIsNotUtf8IsRefusedWithItsLineInEveryFormat() throws IOException {
        assertRefused(latin1("track.txt", "0.5\t0.5\tS1\n0.6\t0.7\tmurmur é\n"), "line 2", "not UTF-8",
                AudacityLabels::read);
        assertRefused(latin1("seg.tsv", "0.5\t0.6\t1\n0.6\t0.7\t2\n0.7\t0.8\t3 é\n"), "line 3", "not UTF-8",
                CirCorSegmentation::read);
        assertRefused(latin1("timing.csv", "fname,cycle,sound,location\nset_a/é.wav,1,S1,10\n"), "line 2",
                "not UTF-8", PascalTiming::read);
        assertRefused(latin1("labels.csv", "path,label\na.wav,normal\nb.wav,murmur\nc.wav,n\u00e9\n"), "line 4",
                "not UTF-8", RecordingLabelsCsv::read);
    }

    @Test
    void aLineWithoutEndIsRefusedBeforeItFillsMemory() throws IOException {
        Path huge = folder.resolve("huge.txt");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("0.5\t0.5\tS1\n".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) '7');
            for (int i = 0; i < 8; i++) {
                out.write(block);
            }
        }
        assertRefused(huge, "line 2", "longer than", AudacityLabels::read);
        assertRefused(huge, "line 2", "longer than", CirCorSegmentation::read);
        assertRefused(huge, "line 2", "longer than", PascalTiming::read);
        assertRefused(huge, "line 2", "longer than", RecordingLabelsCsv::read);
    }

    @Test
    void aWrongOpinionOrTimeIsRefusedWithItsColumnAndWhatItShouldBe() throws IOException {
        String header = "path,sha256,label_source,opinion,label,quality,notes,labeller,labelled_at\n";
        Path opinion = bytes("opinion.csv", (header + "a.wav,,user,third,normal,,,me,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(opinion, "line 2", "opinion must be 1 or 2 (first or second), got 'third'",
                RecordingLabelsCsv::read);
        Path named = bytes("named.csv", (header + "a.wav,,user,first,normal,,,me,\nb.wav,,user,Second,murmur,,,me,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(Opinion.FIRST, Opinion.SECOND),
                RecordingLabelsCsv.read(named).stream().map(RecordingLabelsCsv.Row::opinion).toList(),
                "the opinions as the window names them are read too");
        Path time = bytes("time.csv", (header + "a.wav,,user,1,normal,,,me,yesterday\n")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused(time, "line 2", "labelled_at must be an ISO-8601 time", RecordingLabelsCsv::read);
    }

    // ---- finding 10: Audacity numbers and labels, byte order marks, paths outside the collection ---------------

    @Test
    void audacityTimesMustBeDecimalSecondsOfAPlausibleRecording() throws IOException {
        assertRefused(bytes("hex.txt", "0x1p3\t0x1p4\tS1\n".getBytes(StandardCharsets.UTF_8)), "line 1",
                "0x1p3", AudacityLabels::read);
        assertRefused(bytes("suffix.txt", "1.5d\t2f\tS1\n".getBytes(StandardCharsets.UTF_8)), "line 1", "1.5d",
                AudacityLabels::read);
        assertRefused(bytes("huge-time.txt", "0.5\t0.5\tS1\n1e300\t1e300\tS2\n".getBytes(StandardCharsets.UTF_8)),
                "line 2", "1e300", AudacityLabels::read);
        assertRefused(bytes("no-label.txt", "0.5\t0.5\tS1\n0.6\t0.9\n".getBytes(StandardCharsets.UTF_8)), "line 2",
                "label", AudacityLabels::read);
        assertRefused(bytes("empty-label.txt", "0.5\t0.5\t \n".getBytes(StandardCharsets.UTF_8)), "line 1",
                "label", AudacityLabels::read);
        assertEquals(List.of(new TimedMark(0.5, 0.5, "S1"), new TimedMark(1, 2.25, "murmur")),
                AudacityLabels.read(bytes("fine.txt", "0.500000\t0.500000\tS1\n1\t2.25\tmurmur\n"
                        .getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aByteOrderMarkIsAcceptedAndInvisibleCharactersAreShownInMessages() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "0.5\t0.5\tS1\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(text, 0, withBom, bom.length, text.length);
        assertEquals(List.of(new TimedMark(0.5, 0.5, "S1")), AudacityLabels.read(bytes("bom.txt", withBom)));
        assertEquals(1, CirCorSegmentation.read(bytes("bom.tsv", concat(bom, "0.5\t0.6\t1\n"))).size());

        Path hidden = bytes("hidden.txt", "0.5\t\u200B0.6\tS1\n".getBytes(StandardCharsets.UTF_8));
        ExchangeFormatException refused = assertThrows(ExchangeFormatException.class,
                () -> AudacityLabels.read(hidden));
        assertTrue(refused.getMessage().contains("\\u200B0.6"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\u200B"), refused.getMessage());
    }

    private static byte[] concat(byte[] head, String tail) {
        byte[] text = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + text.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(text, 0, all, head.length, text.length);
        return all;
    }

    @Test
    void pascalTimingNeverRegistersAFileOutsideTheCollection() throws IOException {
        Path root = Files.createDirectories(folder.resolve("collection/set_a"));
        Path outside = Files.copy(WAV.resolveSibling("40058_PV.wav"), folder.resolve("outside.wav"));
        Path inside = Files.copy(WAV, root.resolve("inside.wav"));
        Path timing = Files.writeString(folder.resolve("timing.csv"), "fname,cycle,sound,location\n"
                + "../../outside.wav,1,S1,100\n" + outside.toAbsolutePath() + ",1,S1,100\n"
                + "inside.wav,1,S1,100\n");
        ImportReport report = exchange.importPascalTiming(timing, root, Source.IMPORT);
        assertEquals(1, report.events());
        assertEquals(2, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().stream().allMatch(p -> p.contains("outside")), report.problems().toString());
        assertTrue(store.lookup(outside).isEmpty(), "nothing outside the collection is registered");
        assertTrue(store.lookup(inside).isPresent());
    }

    // ---- finding 5: recording labels CSV -----------------------------------------------------------------------

    @Test
    void aCsvRowWithoutALabelKeepsTheStoredClass() throws IOException {
        RecordingRef ref = service.recording(WAV);
        service.setClass(ref, Opinion.FIRST, "murmur");
        Path wav = WAV.toAbsolutePath();
        Path csv = Files.writeString(folder.resolve("labels.csv"), "path,label_source,label,quality\n"
                + wav + ",user,,good\n" + wav + ",user,,\n");
        ImportReport report = exchange.importRecordingLabels(csv);
        RecordingLabel stored = store.label(ref.id(), Source.USER, Opinion.FIRST).orElseThrow();
        assertEquals(Optional.of("murmur"), stored.labelClass(), "an empty label says nothing about the class");
        assertEquals(Optional.of(Quality.GOOD), stored.quality());
        assertEquals(1, report.labels());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).contains("line 3"), report.problems().toString());
    }
}
