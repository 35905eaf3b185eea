package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLAC and MP3 recordings through the command line, end to end, and audio it cannot read named with a remedy. */
class CompressedRecordingsTest {

    static final Path FIXTURES = Path.of("src/test/resources/org/auscult/audio/compressed");
    static final Path FLAC = FIXTURES.resolve("40058_PV.flac");
    static final Path WAV = CommandLineTest.SAMPLES.resolve("40058_PV.wav");
    static final Path MP3 = FIXTURES.resolve("tone-440-8k.mp3");

    /** Four bytes that open an Ogg stream, and a little more. */
    static final byte[] OGG = "OggS\0\u0002\0\0\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path folder;

    @Test
    void infoDescribesAFlacAndAnMp3() throws IOException {
        Path csv = folder.resolve("info.csv");
        CommandLineTest.Run run = CommandLineTest.run("info", FLAC.toString(), MP3.toString(), "--csv", csv.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("format:    FLAC 16-bit, 1 channel, 4000 Hz"), run.out());
        assertTrue(run.out().contains("duration:  13.392 s (53568 frames)"), run.out());
        assertTrue(run.out().contains("format:    MP3, 1 channel, 8000 Hz"), run.out());
        assertEquals(3, Files.readAllLines(csv).size());

        CommandLineTest.Run wav = CommandLineTest.run("info", WAV.toString());
        assertEquals(wav.out().replace(WAV.toString(), "FILE").replace("PCM 16-bit", "FORMAT"),
                CommandLineTest.run("info", FLAC.toString()).out().replace(FLAC.toString(), "FILE")
                        .replace("FLAC 16-bit", "FORMAT"), "the same level, offset, clipping and problems as the WAV");
    }

    @Test
    void classifyGivesAFlacTheVerdictOfItsWav() throws IOException {
        Path fromFlac = folder.resolve("flac.csv");
        Path fromWav = folder.resolve("wav.csv");

        CommandLineTest.Run flac = CommandLineTest.run("classify", FLAC.toString(), "--csv", fromFlac.toString());
        CommandLineTest.Run wav = CommandLineTest.run("classify", WAV.toString(), "--csv", fromWav.toString());

        assertEquals(0, flac.exitCode(), flac.err());
        assertEquals(0, wav.exitCode(), wav.err());
        List<String> rows = Files.readAllLines(fromFlac);
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).startsWith("40058_PV,"), rows.get(1));
        assertEquals(Files.readAllLines(fromWav), rows, "FLAC is lossless: the same samples, the same verdict");
    }

    @Test
    void featuresReadEveryFormatOfAFolderAndNameTheFileItCannotRead() throws IOException {
        Path recordings = Files.createDirectories(folder.resolve("recordings"));
        Files.copy(WAV, recordings.resolve("a.wav"));
        Files.copy(FLAC, recordings.resolve("b.flac"));
        Files.copy(MP3, recordings.resolve("c.mp3"));
        Files.write(recordings.resolve("d.ogg"), OGG);
        Files.writeString(recordings.resolve("notes.txt"), "not audio, not named like audio");
        Path table = folder.resolve("table.csv");

        CommandLineTest.Run run = CommandLineTest.run("features", recordings.toString(), "-o", table.toString());

        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(table);
        assertEquals(4, lines.size(), "header and the WAV, FLAC and MP3");
        assertTrue(lines.get(2).startsWith("b,"), lines.get(2));
        assertTrue(lines.get(3).startsWith("c,"), lines.get(3));
        assertTrue(run.err().contains("1 input failed"), run.err());
        assertTrue(run.err().contains("d.ogg"), run.err());
        assertTrue(run.err().contains("Ogg audio"), run.err());
        assertTrue(run.err().contains("convert it to WAV or FLAC, for example: ffmpeg -i \"d.ogg\" \"d.wav\""),
                run.err());
        assertFalse(run.err().contains("notes.txt"), run.err());
    }

    @Test
    void anM4aNamedOnTheCommandLineIsRefusedWithAConversion() throws IOException {
        Path m4a = Files.write(folder.resolve("memo.m4a"),
                "\0\0\0\u0020ftypM4A \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));

        CommandLineTest.Run run = CommandLineTest.run("info", m4a.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("memo.m4a"), run.err());
        assertTrue(run.err().contains("MP4/M4A audio"), run.err());
        assertTrue(run.err().contains("ffmpeg -i \"memo.m4a\" \"memo.wav\""), run.err());
        assertFalse(run.err().contains("neither"), run.err());
    }

    @Test
    void aCollectionReportsItsUnreadableAudioAndLoadsTheRest() throws IOException {
        Path murmur = Files.createDirectories(folder.resolve("collection").resolve("murmur"));
        Path normal = Files.createDirectories(folder.resolve("collection").resolve("normal"));
        Files.copy(FLAC, murmur.resolve("p1_apex.flac"));
        Files.copy(WAV, normal.resolve("p2_apex.wav"));
        Files.copy(MP3, normal.resolve("p3_apex.mp3"));
        Files.write(normal.resolve("p4_apex.ogg"), OGG);
        Path table = folder.resolve("table.csv");

        CommandLineTest.Run run = CommandLineTest.run("features", folder.resolve("collection").toString(), "-o",
                table.toString());

        assertEquals(1, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(table);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("murmur/p1_apex,"), lines.get(1));
        assertTrue(lines.get(1).contains(",murmur,"), lines.get(1));
        assertTrue(run.err().contains("p4_apex.ogg"), run.err());
        assertTrue(run.err().contains("Ogg audio"), run.err());
        assertTrue(run.err().contains("ffmpeg -i \"p4_apex.ogg\" \"p4_apex.wav\""), run.err());
    }
}
