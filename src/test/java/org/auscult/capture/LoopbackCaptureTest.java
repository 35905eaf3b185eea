package org.auscult.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Capture from a real line: on a machine with ALSA's loopback device ({@code modprobe snd-aloop}), a 150 Hz tone
 * played into one side of the loopback is recorded from the other through {@link CaptureDevices}, the way Record
 * mode records a stethoscope. Elsewhere the test is skipped and says why.
 */
@Timeout(30)
class LoopbackCaptureTest {

    /** The loopback's playback mixer ("Loopback [plughw:N,0]") and the capture device of its other side. */
    private record Loopback(Mixer.Info playback, CaptureDevices.Device capture) {
    }

    private static Optional<Loopback> findLoopback() {
        List<CaptureDevices.Device> devices = CaptureDevices.list();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            String name = info.getName();
            if (!name.startsWith("Loopback") || !name.matches(".*\\[plughw:\\d+,0]")) {
                continue;
            }
            String other = name.replaceAll(",0]$", ",1]");
            Optional<CaptureDevices.Device> capture = devices.stream()
                    .filter(device -> device.info().getName().equals(other)).findFirst();
            if (capture.isPresent()) {
                return Optional.of(new Loopback(info, capture.get()));
            }
        }
        return Optional.empty();
    }

    @Test
    void aTonePlayedIntoTheLoopbackIsRecordedFromItsOtherSide() throws Exception {
        Optional<Loopback> loopback = findLoopback();
        assumeTrue(loopback.isPresent(), "no ALSA loopback device on this machine (modprobe snd-aloop): the real"
                + " capture line is not tested here");
        int rate = 8000;
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        SourceDataLine speaker = (SourceDataLine) AudioSystem.getMixer(loopback.get().playback())
                .getLine(new DataLine.Info(SourceDataLine.class, format));
        speaker.open(format, rate);
        speaker.start();
        try (CaptureSource source = CaptureDevices.open(loopback.get().capture(), rate)) {
            int captureRate = source.sampleRate();
            Thread playing = new Thread(() -> {
                byte[] tone = new byte[2 * rate * 2];   // two seconds
                for (int n = 0; n < tone.length / 2; n++) {
                    short value = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * 150 * n / rate));
                    tone[2 * n] = (byte) value;
                    tone[2 * n + 1] = (byte) (value >> 8);
                }
                speaker.write(tone, 0, tone.length);
                speaker.drain();
            });
            playing.start();
            float[] recorded = new float[captureRate * 3 / 2];
            int filled = 0;
            float[] block = new float[1024];
            while (filled < recorded.length) {
                int read = source.read(block);
                assertTrue(read >= 0, "the line ended early");
                int copied = Math.min(read, recorded.length - filled);
                System.arraycopy(block, 0, recorded, filled, copied);
                filled += copied;
            }
            playing.join();
            // the recorded second and a half holds the tone: its 150 Hz component carries most of the energy
            double inPhase = 0;
            double quadrature = 0;
            double energy = 0;
            for (int n = 0; n < recorded.length; n++) {
                double angle = 2 * Math.PI * 150 * n / captureRate;
                inPhase += recorded[n] * Math.cos(angle);
                quadrature += recorded[n] * Math.sin(angle);
                energy += recorded[n] * recorded[n];
            }
            double toneEnergy = 2 * (inPhase * inPhase + quadrature * quadrature) / recorded.length;
            assertTrue(energy > 1, "something was recorded: energy " + energy);
            assertTrue(toneEnergy > 0.5 * energy, String.format(Locale.ROOT,
                    "the 150 Hz tone holds %.0f %% of what was recorded", 100 * toneEnergy / energy));
        } finally {
            speaker.close();
        }
    }
}
