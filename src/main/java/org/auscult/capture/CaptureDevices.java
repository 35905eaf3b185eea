package org.auscult.capture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;

/** The capture devices Java Sound sees, and opening one as a {@link CaptureSource}. */
public final class CaptureDevices {

    /** Rates tried after the one asked for, in order: what stethoscope adapters and sound cards commonly offer. */
    static final int[] FALLBACK_RATES = {44_100, 48_000, 16_000, 8_000, 22_050, 4_000};

    private CaptureDevices() {
    }

    /**
     * One capture device.
     *
     * @param name        its name, as the system gives it
     * @param description the vendor's description
     * @param formats     the formats it declares, in words ("16-bit, 1 channel, any rate")
     * @param info        the mixer behind it
     */
    public record Device(String name, String description, List<String> formats, Mixer.Info info) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every mixer that offers a capture line, with its declared formats; empty on a machine without inputs. */
    public static List<Device> list() {
        List<Device> devices = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer;
            try {
                mixer = AudioSystem.getMixer(info);
            } catch (RuntimeException unavailable) {
                continue;
            }
            Set<String> formats = new LinkedHashSet<>();
            for (Line.Info line : mixer.getTargetLineInfo()) {
                if (line instanceof DataLine.Info data && TargetDataLine.class.isAssignableFrom(data.getLineClass())) {
                    for (AudioFormat format : data.getFormats()) {
                        formats.add(describe(format));
                    }
                }
            }
            if (!formats.isEmpty()) {
                devices.add(new Device(info.getName(), info.getDescription(), List.copyOf(formats), info));
            }
        }
        return devices;
    }

    private static String describe(AudioFormat format) {
        String rate = format.getSampleRate() == AudioSystem.NOT_SPECIFIED ? "any rate"
                : String.format(Locale.ROOT, "%.0f Hz", format.getSampleRate());
        return String.format(Locale.ROOT, "%d-bit, %d channel%s, %s", format.getSampleSizeInBits(),
                format.getChannels(), format.getChannels() == 1 ? "" : "s", rate);
    }

    /**
     * Opens {@code device} for 16-bit capture at {@code rate}, or the nearest rate it takes among
     * {@link #FALLBACK_RATES}, mono or else stereo averaged to mono.
     *
     * @throws CaptureUnavailableException naming the device and why (busy, no such format, unplugged)
     */
    public static CaptureSource open(Device device, int rate) throws CaptureUnavailableException {
        Mixer mixer;
        try {
            mixer = AudioSystem.getMixer(device.info());
        } catch (RuntimeException e) {
            throw new CaptureUnavailableException(device.name() + ": the device is gone (" + e.getMessage() + ")", e);
        }
        List<Integer> rates = new ArrayList<>(List.of(rate));
        for (int fallback : FALLBACK_RATES) {
            if (fallback != rate) {
                rates.add(fallback);
            }
        }
        String lastProblem = "it offers no 16-bit capture format";
        for (int channels = 1; channels <= 2; channels++) {
            for (int tried : rates) {
                AudioFormat format = new AudioFormat(tried, 16, channels, true, false);
                DataLine.Info info = new DataLine.Info(TargetDataLine.class, format);
                if (!mixer.isLineSupported(info)) {
                    continue;
                }
                try {
                    TargetDataLine line = (TargetDataLine) mixer.getLine(info);
                    line.open(format, Math.max(4096, tried * channels * 2 / 2));
                    line.start();
                    return new JavaSoundCapture(line, device.name());
                } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                    lastProblem = "it is busy or refused " + describe(format) + " (" + e.getMessage() + ")";
                }
            }
        }
        throw new CaptureUnavailableException(device.name() + ": cannot record: " + lastProblem);
    }

    /** A Java Sound capture line, 16-bit little-endian, its channels averaged. */
    static final class JavaSoundCapture implements CaptureSource {

        private final TargetDataLine line;
        private final String name;
        private final int channels;
        private byte[] bytes = new byte[0];
        private long framesRead;
        private volatile boolean closed;

        JavaSoundCapture(TargetDataLine line, String name) {
            this.line = line;
            this.name = name;
            this.channels = line.getFormat().getChannels();
        }

        @Override
        public int sampleRate() {
            return Math.round(line.getFormat().getSampleRate());
        }

        @Override
        public String describe() {
            return name + ", " + CaptureDevices.describe(line.getFormat());
        }

        @Override
        public int read(float[] buffer) {
            if (closed) {
                return -1;
            }
            int frameBytes = 2 * channels;
            if (bytes.length < buffer.length * frameBytes) {
                bytes = new byte[buffer.length * frameBytes];
            }
            int got = line.read(bytes, 0, buffer.length * frameBytes);
            if (got <= 0) {
                return closed || !line.isOpen() ? -1 : 0;
            }
            int frames = got / frameBytes;
            for (int f = 0; f < frames; f++) {
                float sum = 0;
                for (int c = 0; c < channels; c++) {
                    int at = f * frameBytes + 2 * c;
                    sum += (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8)) / 32768f;
                }
                buffer[f] = sum / channels;
            }
            framesRead += frames;
            return frames;
        }

        /** Frames the device captured that were neither read nor are waiting: lost to an overrun. */
        @Override
        public long droppedFrames() {
            long waiting = line.available() / (2L * channels);
            return Math.max(0, line.getLongFramePosition() - framesRead - waiting);
        }

        @Override
        public void close() {
            closed = true;
            line.stop();
            line.close();
        }
    }
}
