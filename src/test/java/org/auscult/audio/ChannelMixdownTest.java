package org.auscult.audio;

import static org.auscult.audio.WavBytes.int16;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stereo channels in opposite phase, or with one side empty: the louder channel, not their mean. */
class ChannelMixdownTest {

    private static final int RATE = 4000;

    @TempDir
    Path folder;

    /** A 50 Hz tone of {@code amplitude} (in int16 steps) on the left, {@code rightGain} times it on the right. */
    private Path stereo(String name, int amplitude, double rightGain) throws IOException {
        int frames = 2 * RATE;
        int[] values = new int[2 * frames];
        for (int i = 0; i < frames; i++) {
            int left = (int) Math.round(amplitude * Math.sin(2 * Math.PI * 50 * i / RATE));
            values[2 * i] = left;
            values[2 * i + 1] = (int) Math.round(rightGain * left);
        }
        return WavBytes.pcm(16, 2, RATE).data(int16(values)).writeTo(folder.resolve(name));
    }

    private static float[] left() {
        int frames = 2 * RATE;
        float[] left = new float[frames];
        for (int i = 0; i < frames; i++) {
            left[i] = (float) Math.round(10_000 * Math.sin(2 * Math.PI * 50 * i / RATE)) / 32_768;
        }
        return left;
    }

    @Test
    void channelsInOppositePhaseDecodeAsTheLouderChannelWithAWarning() throws IOException {
        Path file = stereo("antiphase.wav", 10_000, -1);
        DecodedAudio decoded = new WavDecoder().decode(file);
        assertArrayEquals(left(), decoded.clip().samples(), "the first channel, as it is");
        assertEquals(List.of("the channels cancel when mixed to mono: their mean is silent (channels in opposite "
                + "phase?); channel 1 of 2, the louder, is used alone"), decoded.warnings());

        List<Float> streamed = new ArrayList<>();
        WavDecoder.Streamed stream = new WavDecoder().stream(file, new WavDecoder.BlockSink() {
            @Override
            public void start(WavFormat format) {
            }

            @Override
            public void accept(float[] samples, int count) {
                for (int i = 0; i < count; i++) {
                    streamed.add(samples[i]);
                }
            }
        });
        assertEquals(decoded.warnings(), stream.warnings(), "streamed for analysis as decoded");
        assertEquals(decoded.clip().samples()[RATE / 200], streamed.get(RATE / 200));

        RecordingInfo info = RecordingInfo.read(new RecordingDecoder(), file);
        assertTrue(info.problems().stream().noneMatch(problem -> problem.startsWith("silent")), info.describe());
        assertTrue(info.describe().contains("the channels cancel when mixed to mono"), info.describe());
    }

    @Test
    void nearlyCancellingChannelsUseTheLouderOneAndSayByHowMuchTheMeanIsQuieter() throws IOException {
        DecodedAudio decoded = new WavDecoder().decode(stereo("nearly.wav", 10_000, -0.999));
        assertTrue(decoded.warnings().get(0).startsWith("the channels cancel when mixed to mono: their mean is 66 dB "
                + "quieter than channel 1"), decoded.warnings().toString());
    }

    @Test
    void oppositeLeadsEachWithNoiseOfItsOwnUseTheLouderChannel() throws IOException {
        // the mean is the two noises alone, about 30 dB under the tone: not the 40 dB of exact cancellation
        int frames = 2 * RATE;
        int[] values = new int[2 * frames];
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < frames; i++) {
            int tone = (int) Math.round(10_000 * Math.sin(2 * Math.PI * 50 * i / RATE));
            values[2 * i] = tone + (int) Math.round(300 * random.nextGaussian());
            values[2 * i + 1] = -tone + (int) Math.round(300 * random.nextGaussian());
        }
        Path file = WavBytes.pcm(16, 2, RATE).data(int16(values)).writeTo(folder.resolve("noisy-leads.wav"));
        DecodedAudio decoded = new WavDecoder().decode(file);
        assertEquals(1, decoded.warnings().size(), decoded.warnings().toString());
        assertTrue(decoded.warnings().get(0).startsWith("the channels cancel when mixed to mono: their mean is 3"),
                decoded.warnings().toString());
        assertEquals(values[20] / 32_768f, decoded.clip().samples()[10], 1e-6f, "a channel, not the mean");
    }

    @Test
    void channelsThatDoNotCancelAreAveraged() throws IOException {
        DecodedAudio inPhase = new WavDecoder().decode(stereo("half.wav", 10_000, -0.9));
        assertEquals(List.of(), inPhase.warnings(), "the mean is 26 dB down: quiet, but not cancelled");
        float expected = (float) ((Math.round(10_000 * Math.sin(2 * Math.PI * 50 * 20.0 / RATE))
                + Math.round(-0.9 * Math.round(10_000 * Math.sin(2 * Math.PI * 50 * 20.0 / RATE)))) / 65_536.0);
        assertEquals(expected, inPhase.clip().samples()[20]);
        DecodedAudio silent = new WavDecoder().decode(stereo("silent.wav", 0, -1));
        assertEquals(List.of(), silent.warnings(), "silence is silence, not cancellation");
    }

    @Test
    void aStereoFileWithOneSideEmptyDecodesAsTheLiveChannelAtItsLevel() throws IOException {
        Path file = stereo("one-side.wav", 10_000, 0);
        DecodedAudio decoded = new WavDecoder().decode(file);
        assertArrayEquals(left(), decoded.clip().samples(), "the live channel at its own level, not halved");
        assertEquals(List.of("only channel 1 of 2 holds sound (the other is at least 40 dB quieter); it is used "
                + "alone, as the mean would halve its level"), decoded.warnings());
        RecordingInfo info = RecordingInfo.read(new RecordingDecoder(), file);
        assertTrue(info.describe().contains("only channel 1 of 2 holds sound"), info.describe());
    }
}
