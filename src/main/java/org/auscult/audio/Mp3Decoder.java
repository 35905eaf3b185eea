package org.auscult.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.JavaLayerError;
import javazoom.jl.decoder.JavaLayerException;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Decodes MP3 files (MPEG audio layer 3, and layers 1 and 2 alike) to mono float samples with JLayer.
 *
 * <p>Two passes over the file: the first reads only the frame headers (JLayer's own frame sync, which wants each
 * frame followed by another of the same version, layer, rate and channel mode) to count the samples, so that the
 * one float array is sized and checked ({@link WavDecoder#allocate}) before anything is decoded, and so that
 * {@link #readFormat} can give a duration without decoding; the second decodes. ID3v2 tags before the audio are
 * skipped here (their sizes checked against the file), so JLayer never allocates a buffer a tag claims; the Xing,
 * Info or VBRI tag frame that encoders put first, which holds no audio, is skipped too, and so are APEv2 and ID3v1
 * tags at the end.
 *
 * <p>Samples: JLayer's 16-bit output {@code v} becomes {@code v / 32768}, and two channels become
 * {@code (l + r) / 65536}, as for a 16-bit WAV. What is decoded is exactly what JLayer gives: the encoder's priming
 * delay and the decoder's delay at the start (with LAME about 576 + 529 samples of near-silence) and the padding
 * that fills the last frame are kept, not trimmed with the encoder's gapless information, so an MP3 decodes to up
 * to about two frames (1152 samples at 44.1 kHz) more than the recording it was made from, shifted by about a
 * frame. MP3 is lossy: the samples are an approximation of the original, and the encoder removes what it judges
 * inaudible, above all at high frequencies and at low bit rates.
 *
 * <p>Tolerated with a warning, the frame's samples replaced by silence so that the timing of the rest holds: a frame
 * whose header names another layer than the first frame's (a damaged header that JLayer's sync lets through) and a
 * frame JLayer decodes to nothing (its data begins in bytes that are missing, as after a cut). Refused: a tag that
 * claims more bytes than the file holds, the free-format bit rate, a file in which no frame is found, and any frame
 * JLayer fails on (the message gives the sample and time where the data is damaged).
 */
final class Mp3Decoder {

    /** Bytes read at the start of the audio to find a Xing, Info or VBRI tag frame. */
    private static final int TAG_FRAME_PROBE_BYTES = 64;

    private Mp3Decoder() {
    }

    /**
     * What the header pass learnt: the facts of the first frame, where the audio is, and the frames and samples
     * found (every frame counted with the first frame's samples per frame).
     */
    private record Scan(long audioOffset, long audioEnd, int version, int layer, int sampleRate, int channels,
                        int samplesPerFrame, long frames, long samples, List<String> tags) {

        WavFormat format(long sampleFrames) {
            int tag = layer == 3 ? WavFormat.MPEG_LAYER3_FORMAT_TAG : WavFormat.MPEG_FORMAT_TAG;
            long audioBytes = audioEnd - audioOffset;
            return new WavFormat(WavFormat.Container.MP3, WavFormat.Encoding.PCM_INTEGER, tag,
                    WavFormat.WAVE_FORMAT_PCM, 16, 16, channels, sampleRate, 2 * channels, sampleFrames, audioOffset,
                    audioBytes, audioBytes, tags);
        }
    }

    /** The header facts, from the frame headers alone: no sample is decoded. */
    static WavFormat readFormat(Path file, FileChannel channel, AudioFiles.Detection detection) throws IOException {
        Scan scan = scan(file, channel, detection);
        return scan.format(scan.samples());
    }

    /** Decodes the whole file into memory. */
    static DecodedAudio decode(Path file, FileChannel channel, AudioFiles.Detection detection) throws IOException {
        Scan scan = scan(file, channel, detection);
        MonoSamples out = new MonoSamples(file, scan.samples());
        Bitstream bitstream = new Bitstream(streamAt(channel, scan.audioOffset(), scan.audioEnd()));
        Decoder decoder = new Decoder();
        long frames = 0;
        long replaced = 0;
        long silenced = 0;
        try {
            Header header;
            while ((header = bitstream.readFrame()) != null) {
                if (header.layer() != scan.layer()) {
                    // a damaged header: JLayer's frame sync does not compare layers, and would decode it as another
                    int count = scan.samplesPerFrame();
                    Arrays.fill(out.room(count), out.size(), out.size() + count, 0f);
                    out.added(count);
                    replaced++;
                } else {
                    SampleBuffer decoded = (SampleBuffer) decoder.decodeFrame(header, bitstream);
                    int channels = decoded.getChannelCount();
                    int count = decoded.getBufferLength() / channels;
                    int length = Math.max(count, scan.samplesPerFrame());
                    float[] target = out.room(length);
                    mix(decoded.getBuffer(), channels, count, target, out.size());
                    if (count < length) {
                        // JLayer gives nothing for a layer 3 frame whose data begins in bytes it never saw
                        Arrays.fill(target, out.size() + count, out.size() + length, 0f);
                        silenced++;
                    }
                    out.added(length);
                }
                bitstream.closeFrame();
                frames++;
            }
        } catch (JavaLayerException | RuntimeException | JavaLayerError e) {
            throw damaged(file, out.size(), scan.sampleRate(), e);
        }
        List<String> warnings = new ArrayList<>();
        if (replaced > 0) {
            warnings.add(String.format(Locale.ROOT, "%d of %d MPEG frames have a damaged header (another layer than"
                    + " the first frame's layer %d) and were replaced by silence", replaced, frames, scan.layer()));
        }
        if (silenced > 0) {
            warnings.add(String.format(Locale.ROOT, "%d of %d MPEG frames could not be decoded (their data begins in"
                    + " bytes that are missing or damaged) and were filled with silence", silenced, frames));
        }
        if (frames != scan.frames() || out.size() != scan.samples()) {
            warnings.add(String.format(Locale.ROOT, "the frame headers announce %d frames of %d samples, but %d frames"
                    + " of %d samples were decoded", scan.frames(), scan.samples(), frames, out.size()));
        }
        return new DecodedAudio(new AudioClip(out.toArray(), scan.sampleRate()), scan.format(out.size()), warnings);
    }

    private static void mix(short[] buffer, int channels, int count, float[] target, int offset) {
        if (channels == 1) {
            for (int i = 0; i < count; i++) {
                target[offset + i] = buffer[i] * (1f / 32_768);
            }
            return;
        }
        double divisor = channels * 32_768.0;
        for (int i = 0, p = 0; i < count; i++) {
            long sum = 0;
            for (int c = 0; c < channels; c++, p++) {
                sum += buffer[p];
            }
            target[offset + i] = (float) (sum / divisor);
        }
    }

    /** Counts the frames and samples from the frame headers, after skipping the tags before the audio. */
    private static Scan scan(Path file, FileChannel channel, AudioFiles.Detection detection) throws IOException {
        if (!detection.problem().isEmpty()) {
            throw new UnreadableAudioException(file, detection.problem());
        }
        List<String> tags = new ArrayList<>(detection.tags());
        long audioOffset = skipTagFrame(channel, detection.audioOffset(), tags);
        long audioEnd = audioEnd(channel, audioOffset, tags);
        ByteBuffer start = AudioFiles.read(channel, audioOffset, AudioFiles.SIGNATURE_BYTES);
        if (AudioFiles.startsWith(start, 0, "ID3")) {
            throw new UnreadableAudioException(file, "an ID3 tag inside the MPEG audio at byte " + audioOffset
                    + "; not a usable MP3 file");
        }

        Bitstream bitstream = new Bitstream(streamAt(channel, audioOffset, audioEnd));
        long frames = 0;
        long samples = 0;
        // JLayer reuses one Header object for every frame: the first frame's facts are copied out of it
        int version = 0;
        int layer = 0;
        int sampleRate = 0;
        int channels = 0;
        int samplesPerFrame = 0;
        try {
            Header header;
            while ((header = bitstream.readFrame()) != null) {
                if (header.bitrate_index() == 0) {
                    throw new UnreadableAudioException(file, "the MPEG frame at sample " + samples + " uses the"
                            + " free-format bit rate, which cannot be decoded");
                }
                if (frames == 0) {
                    version = header.version() == Header.MPEG1 ? 1 : header.version() == Header.MPEG2_LSF ? 2 : 25;
                    layer = header.layer();
                    sampleRate = header.frequency();
                    channels = header.mode() == Header.SINGLE_CHANNEL ? 1 : 2;
                    samplesPerFrame = samplesPerFrame(header);
                }
                samples += samplesPerFrame;
                frames++;
                bitstream.closeFrame();
            }
        } catch (JavaLayerException | RuntimeException | JavaLayerError e) {
            throw damaged(file, samples, sampleRate, e);
        }
        if (frames == 0) {
            String what = detection.tags().isEmpty() ? "starts like an MP3 file (MPEG audio frame sync)"
                    : "starts with an ID3 tag, as MP3 files do,";
            throw new UnreadableAudioException(file, "the file " + what + " but holds no MPEG audio frame");
        }
        return new Scan(audioOffset, audioEnd, version, layer, sampleRate, channels, samplesPerFrame, frames, samples,
                List.copyOf(tags));
    }

    /**
     * Where the audio starts: after the first frame when it is a Xing, Info or VBRI tag frame (which decodes to a
     * frame of silence), otherwise at {@code offset}.
     */
    private static long skipTagFrame(FileChannel channel, long offset, List<String> tags) throws IOException {
        ByteBuffer probe = AudioFiles.read(channel, offset, TAG_FRAME_PROBE_BYTES);
        if (probe.limit() < MpegHeader.BYTES) {
            return offset;
        }
        MpegHeader header = MpegHeader.parse(probe.get(0), probe.get(1), probe.get(2), probe.get(3));
        if (header == null || header.layer() != 3 || header.frameBytes() <= 0
                || offset + header.frameBytes() > channel.size()) {
            return offset;
        }
        for (String tag : List.of("Xing", "Info")) {
            if (AudioFiles.startsWith(probe, header.xingOffset(), tag)) {
                tags.add(tag);
                return offset + header.frameBytes();
            }
        }
        if (AudioFiles.startsWith(probe, MpegHeader.VBRI_OFFSET, "VBRI")) {
            tags.add("VBRI");
            return offset + header.frameBytes();
        }
        return offset;
    }

    /** Samples per channel of one frame: 384 (layer 1), 1152 (layer 2, and layer 3 of MPEG 1), else 576. */
    private static int samplesPerFrame(Header header) {
        int layer = header.layer();
        return layer == 1 ? 384 : layer == 3 && header.version() != Header.MPEG1 ? 576 : 1152;
    }

    /**
     * Where the audio ends: before an APEv2 tag and an ID3v1 tag at the end of the file, when there are. JLayer takes
     * a frame only when another frame or the end of the stream follows it, so a tag left in would cost the last frame.
     */
    private static long audioEnd(FileChannel channel, long audioOffset, List<String> tags) throws IOException {
        long end = channel.size();
        List<String> found = new ArrayList<>();
        if (end - ID3V1_BYTES >= audioOffset
                && AudioFiles.startsWith(AudioFiles.read(channel, end - ID3V1_BYTES, 3), 0, "TAG")) {
            end -= ID3V1_BYTES;
            found.add("ID3v1");
        }
        if (end - APE_FOOTER_BYTES >= audioOffset) {
            ByteBuffer footer = AudioFiles.read(channel, end - APE_FOOTER_BYTES, APE_FOOTER_BYTES)
                    .order(ByteOrder.LITTLE_ENDIAN);
            if (AudioFiles.startsWith(footer, 0, "APETAGEX")) {
                long size = Integer.toUnsignedLong(footer.getInt(12));
                boolean header = (footer.getInt(20) & 0x8000_0000) != 0;
                long tagStart = end - size - (header ? APE_FOOTER_BYTES : 0);
                if (size >= APE_FOOTER_BYTES && tagStart >= audioOffset) {
                    end = tagStart;
                    found.add(0, "APEv2");
                }
            }
        }
        tags.addAll(found);
        return end;
    }

    private static final int ID3V1_BYTES = 128;
    private static final int APE_FOOTER_BYTES = 32;

    /** The bytes from {@code offset} to {@code end}, buffered. */
    private static InputStream streamAt(FileChannel channel, long offset, long end) throws IOException {
        channel.position(offset);
        InputStream whole = Channels.newInputStream(channel);
        InputStream bounded = new java.io.FilterInputStream(whole) {
            private long left = end - offset;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] buffer, int from, int length) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int read = super.read(buffer, from, (int) Math.min(length, left));
                left -= Math.max(read, 0);
                return read;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, Math.max(left, 0)));
                left -= skipped;
                return skipped;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(super.available(), Math.max(left, 0));
            }
        };
        return new BufferedInputStream(bounded, 64 * 1024);
    }

    private static UnreadableAudioException damaged(Path file, long sample, int rate, Throwable e) {
        String where = rate > 0 ? String.format(Locale.ROOT, " near sample %d (%.3f s)", sample, sample / (double) rate)
                : "";
        return new UnreadableAudioException(file, "the MP3 data is damaged" + where + ": the decoder failed with "
                + e, e);
    }
}
