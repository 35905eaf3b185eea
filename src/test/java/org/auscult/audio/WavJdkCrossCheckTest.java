package org.auscult.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** WavDecoder and the JDK's javax.sound.sampled read PCM 16-bit files to identical samples. */
class WavJdkCrossCheckTest {

    private final WavDecoder decoder = new WavDecoder();

    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} channel(s) at {1} Hz")
    @CsvSource({"1, 4000", "1, 44100", "2, 44100", "2, 8000", "6, 48000"})
    void syntheticPcm16FilesAreIdentical(int channels, int rate) throws Exception {
        Random random = new Random(31L * channels + rate);
        int[] values = new int[5000 * channels];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(65536) - 32768;
        }
        Path file = WavBytes.pcm(16, channels, rate).data(WavBytes.int16(values)).withListInfo()
                .writeTo(folder.resolve("synthetic.wav"));
        assertSameAsJdk(file);
    }

    @Test
    void everyPascalRecordingIsIdentical() throws Exception {
        List<Path> files = SharedData.wavFiles(SharedData.require("data/pascal2011"));
        assertEquals(832, files.size(), "PASCAL 2011 recordings");
        for (Path file : files) {
            assertSameAsJdk(file);
        }
    }

    @Test
    void everyCirCorSampleIsIdentical() throws Exception {
        List<Path> files = SharedData.wavFiles(SharedData.require("data/circor-samples"));
        assertEquals(16, files.size(), "CirCor sample recordings");
        for (Path file : files) {
            assertSameAsJdk(file);
        }
    }

    private void assertSameAsJdk(Path file) throws IOException, UnsupportedAudioFileException {
        DecodedAudio ours = decoder.decode(file);
        assertEquals(16, ours.format().bitsPerSample(), file + " is not PCM 16-bit");
        JdkWavReader.Reading jdk = JdkWavReader.read(file);
        assertEquals(jdk.sampleRate(), ours.clip().sampleRate(), file.toString());
        assertArrayEquals(jdk.samples(), ours.clip().samples(), file.toString());
    }
}
