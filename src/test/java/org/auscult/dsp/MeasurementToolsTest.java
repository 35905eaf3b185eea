package org.auscult.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.auscult.audio.AudioClip;
import org.junit.jupiter.api.Test;

/** The helpers the dataset measurements rely on: the spectrum's band shares and the reference WAV reader. */
class MeasurementToolsTest {

    @Test
    void aSineHasItsEnergyInItsOwnBand() {
        int rate = 44100;
        float[] x = new float[2 * rate];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) (0.2 + 0.5 * Math.sin(2 * Math.PI * 1000 * n / rate));   // the offset is removed
        }
        double[] power = WelchSpectrum.power(x, 8192);
        assertTrue(WelchSpectrum.fraction(power, rate, 990, 1010) > 0.999);
        assertEquals(1, WelchSpectrum.fraction(power, rate, 0, Double.POSITIVE_INFINITY), 1e-12);
    }

    @Test
    void whiteNoiseSpreadsItsEnergyEvenly() {
        Random random = new Random(9);
        float[] x = new float[200_000];
        for (int n = 0; n < x.length; n++) {
            x[n] = (float) random.nextGaussian();
        }
        double[] power = WelchSpectrum.power(x, 1024);
        assertEquals(0.5, WelchSpectrum.fraction(power, 4000, 0, 1000), 0.01);
        assertEquals(0.25, WelchSpectrum.fraction(power, 4000, 1500, 2001), 0.01);
    }

    @Test
    void theReferenceReaderDecodesTheSamplesLibrosaDecodes() throws IOException {
        Path shared = Pcm16Wav.sharedFolder();
        Path table = shared == null ? null : shared.resolve("reference/librosa/recordings.csv");
        assumeTrue(table != null && Files.isRegularFile(table),
                "skipped: ../shared/reference/librosa (system property auscult.shared) is not available");
        List<String> lines = Files.readAllLines(table);
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            AudioClip clip = Pcm16Wav.read(shared.resolve("data/pascal2011").resolve(cells[header.indexOf("path")]));
            assertEquals(Integer.parseInt(cells[header.indexOf("sr")]), clip.sampleRate());
            assertEquals(Integer.parseInt(cells[header.indexOf("n_samples")]), clip.length());
            for (int i = 0; i < 8; i++) {
                int expected = Integer.parseInt(cells[header.indexOf("x" + i + "_int16")]);
                assertEquals(expected / 32768f, clip.samples()[i], 0f, cells[0] + " sample " + i);
            }
            double sum = 0;
            for (float v : clip.samples()) {
                sum += v;
            }
            assertEquals(Double.parseDouble(cells[header.indexOf("sum")]), sum, 1e-6, cells[0]);
        }
    }
}
