package org.auscult.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a multi-channel WAV becomes mono: the mean of its channels, unless only one holds sound or they cancel. A
 * channel 40 dB below the other (a lead not connected) would halve the level of the mean, so the live channel is used
 * alone. Channels in opposite phase (a sensor wired with one lead reversed, L = x and R = -x) average to silence or
 * nearly so, and the recording would be judged silent although each channel holds the sound; then the louder channel
 * alone is used. Either way a warning says why, so that a clinician knows what the verdict was made from.
 */
final class ChannelMixdown {

    /**
     * The energy ratio of the mean to the louder channel under which the channels are taken to cancel: 1e-4, the
     * mean 100 times (40 dB) quieter in amplitude. Independent channels average to at least half the mean energy
     * of the two, and correlated ones to more; only channels in opposite phase come near this.
     */
    static final double CANCELLING_ENERGY_RATIO = 1e-4;
    /**
     * The energy ratio (20 dB) under which a mean that no longer follows the louder channel (their correlation below
     * {@value #FOLLOWING_CORRELATION}) also counts as cancelled: opposite leads each with noise of its own average to
     * the noise alone, 30-40 dB down, while a lead at another gain in opposite phase averages to a quieter copy of the
     * sound, which is kept.
     */
    static final double QUIET_ENERGY_RATIO = 1e-2;
    static final double FOLLOWING_CORRELATION = 0.5;

    /** The mean of the channels: every mono file, and every multi-channel file whose channels do not cancel. */
    static final ChannelMixdown MEAN = new ChannelMixdown(-1, null);

    /** The channel used alone (0-based), or -1 for the mean of all. */
    final int channel;
    private final String warning;

    private ChannelMixdown(int channel, String warning) {
        this.channel = channel;
        this.warning = warning;
    }

    /** The mean of the channels, unless a pass over the data finds that they cancel. */
    static ChannelMixdown of(Path file, FileChannel channel, WavHeaderReader.Header header) throws IOException {
        if (header.format().channels() == 1) {
            return MEAN;
        }
        Energies energies = new Energies(header.format().channels(), header.format().sampleRate());
        WavDecoder.readSamples(file, channel, header, Integer.MAX_VALUE, (firstFrame, data, count, layout) ->
                energies.add(data, count, layout));
        return energies.mixdown();
    }

    /** {@code warnings} with the reason for using one channel, when one is used. */
    List<String> warnings(List<String> warnings) {
        if (warning == null) {
            return warnings;
        }
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return all;
    }

    /** The energy of each channel and of their mean, gathered block by block over the whole data chunk. */
    static final class Energies {
        private final double[] channels;
        /** Per channel, the sum of its samples times the mean's: how far the mean follows it. */
        private final double[] withMean;
        private double mean;
        /** Frames seen, and the frames of one second: a correlation over less says nothing of the leads. */
        private long frames;
        private final int second;

        Energies(int channels, int sampleRate) {
            this.channels = new double[channels];
            this.withMean = new double[channels];
            this.second = sampleRate;
        }

        void add(ByteBuffer in, int frames, SampleConverter.Layout layout) {
            int count = channels.length;
            double[] frame = new double[count];
            this.frames += frames;
            for (int i = 0; i < frames; i++) {
                double sum = 0;
                for (int c = 0; c < count; c++) {
                    frame[c] = SampleConverter.valueAt(in, (i * count + c) * layout.bytes, layout);
                    channels[c] += frame[c] * frame[c];
                    sum += frame[c];
                }
                double m = sum / count;
                mean += m * m;
                for (int c = 0; c < count; c++) {
                    withMean[c] += frame[c] * m;
                }
            }
        }

        /** The mean of the channels, or the louder one alone when the mean cancels it. */
        ChannelMixdown mixdown() {
            int louder = 0;
            for (int c = 1; c < channels.length; c++) {
                louder = channels[c] > channels[louder] ? c : louder;
            }
            double loudest = channels[louder];
            double following = mean > 0 ? withMean[louder] / Math.sqrt(mean * loudest) : 0;
            boolean cancelled = mean < CANCELLING_ENERGY_RATIO * loudest
                    || (frames >= second && mean < QUIET_ENERGY_RATIO * loudest
                    && Math.abs(following) < FOLLOWING_CORRELATION);
            // false for NaN energies: bad samples are refused by the conversion, named there
            if (!(loudest > 0)) {
                return MEAN;
            }
            if (onlyOneLive(louder, loudest)) {
                return new ChannelMixdown(louder, String.format(Locale.ROOT, "only channel %d of %d holds sound (the "
                        + "other%s at least 40 dB quieter); it is used alone, as the mean would halve its level",
                        louder + 1, channels.length, channels.length == 2 ? " is" : "s are"));
            }
            if (!cancelled) {
                return MEAN;
            }
            String quieter = mean == 0 ? "silent" : String.format(Locale.ROOT, "%.0f dB quieter than channel %d",
                    10 * Math.log10(loudest / mean), louder + 1);
            return new ChannelMixdown(louder, String.format(Locale.ROOT, "the channels cancel when mixed to mono: "
                    + "their mean is %s (channels in opposite phase?); channel %d of %d, the louder, is used alone",
                    quieter, louder + 1, channels.length));
        }

        /**
         * Whether every channel but {@code louder} is at least 40 dB below it ({@link #CANCELLING_ENERGY_RATIO}): a
         * lead not connected, or a stereo file with one side empty.
         */
        private boolean onlyOneLive(int louder, double loudest) {
            for (int c = 0; c < channels.length; c++) {
                if (c != louder && !(channels[c] < CANCELLING_ENERGY_RATIO * loudest)) {
                    return false;
                }
            }
            return true;
        }
    }
}
