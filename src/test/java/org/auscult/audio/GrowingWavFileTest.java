package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file being recorded is a valid WAV of everything flushed, whenever the writer dies. */
class GrowingWavFileTest {

    @TempDir
    Path folder;

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (Math.round(Math.sin(i * 0.01) * 16000) / 32768.0);
        }
        return x;
    }

    @Test
    void whatWasFlushedReadsBackExactlyEvenIfTheWriterNeverCloses() throws Exception {
        Path file = folder.resolve("live.wav");
        float[] x = ramp(6000);
        GrowingWavFile wav = new GrowingWavFile(file, 4000);
        wav.append(x, 4000);
        wav.flush();
        wav.append(Arrays.copyOfRange(x, 4000, 6000), 2000);
        // the writer is abandoned here, as a killed process would leave it: only the flushed second counts
        DecodedAudio read = new RecordingDecoder().decode(file);
        assertEquals(4000, read.clip().sampleRate());
        assertArrayEquals(Arrays.copyOf(x, 4000), read.clip().samples());

        wav.close();
        assertArrayEquals(x, new RecordingDecoder().decode(file).clip().samples(), "closed: everything");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = Files.writeString(folder.resolve("mine.wav"), "the user's");
        assertThrows(FileAlreadyExistsException.class, () -> new GrowingWavFile(file, 4000));
        assertEquals("the user's", Files.readString(file));
    }

    @Test
    void anEmptyRecordingIsAValidEmptyWav() throws Exception {
        Path file = folder.resolve("empty.wav");
        new GrowingWavFile(file, 8000).close();
        assertEquals(44, Files.size(file));
    }
}
