package org.auscult.audio;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jflac.ChannelData;
import org.jflac.FLACDecoder;
import org.jflac.FrameListener;
import org.jflac.frame.Frame;
import org.jflac.metadata.Metadata;

/**
 * Decodes FLAC files to mono float samples with jFLAC, reading the metadata itself.
 *
 * <p>The metadata blocks are walked here, every declared length checked against the bytes the file holds, and only
 * STREAMINFO is parsed: jFLAC is handed that one block (with the total sample count cleared, so that it reads frames
 * until the file ends instead of trusting the count) followed by the audio frames, so none of its parsers for
 * pictures, comments, seek tables or cue sheets ever sees the file's bytes. Each frame must have the channels, bits
 * and rate STREAMINFO declares.
 *
 * <p>Scaling and downmix exactly as {@link WavDecoder}: a sample {@code v} of {@code b} bits becomes
 * {@code v / 2^(b-1)}, and the channels' integer sum is divided once by {@code C * 2^(b-1)}; so a FLAC made from a
 * WAV decodes to the WAV's samples bit for bit.
 *
 * <p>Tolerated with a warning: a total sample count that the frames do not match (a file cut short decodes as far
 * as it goes), frames whose CRC fails (jFLAC decodes them as silence), damaged frames (skipped) and bytes that are
 * not frames. Refused: a missing or malformed STREAMINFO, more than {@value #MAX_CHANNELS} channels, bits per sample
 * outside {@value #MIN_BITS} to {@value #MAX_BITS}, a sample rate outside {@link WavDecoder#MIN_SAMPLE_RATE} to
 * {@link WavDecoder#MAX_SAMPLE_RATE} Hz, a frame that changes any of these, and a file in which no frame decodes.
 */
final class FlacDecoder {

    /** Fewest bits per sample a FLAC stream may have. */
    static final int MIN_BITS = 4;
    /** Most bits per sample decoded: jFLAC computes in 32-bit integers, which 32-bit side channels overflow. */
    static final int MAX_BITS = 24;
    /** Most channels a FLAC stream may have. */
    static final int MAX_CHANNELS = 8;

    /** A file with more metadata blocks than this is not a recording anyone made on purpose. */
    static final int MAX_BLOCKS = 10_000;

    private static final int STREAMINFO_BYTES = 34;
    private static final int BLOCK_HEADER_BYTES = 4;
    private static final int MAGIC_BYTES = 4;

    private FlacDecoder() {
    }

    /** The facts of STREAMINFO, validated, with its bytes. */
    private record StreamInfo(int sampleRate, int channels, int bits, long totalSamples, byte[] bytes) {
    }

    /** The metadata: STREAMINFO, where the frames start, the block names and what was tolerated. */
    private record Header(StreamInfo info, long audioOffset, long fileSize, List<String> blocks,
                          List<String> warnings) {

        WavFormat format(long frames) {
            long audioBytes = fileSize - audioOffset;
            return new WavFormat(WavFormat.Container.FLAC, WavFormat.Encoding.PCM_INTEGER, WavFormat.FLAC_FORMAT_TAG,
                    WavFormat.WAVE_FORMAT_PCM, info.bits(), info.bits(), info.channels(), info.sampleRate(),
                    info.channels() * ((info.bits() + 7) / 8), frames, audioOffset, audioBytes, audioBytes, blocks);
        }
    }

    /**
     * Most samples one byte of FLAC frames can hold: a frame of 65535 samples of one constant value takes at least 8
     * bytes (sync, header, CRCs and the constant), so a declared total above this times the bytes of the frames is
     * not believed.
     */
    static final long MAX_SAMPLES_PER_BYTE = 8192;

    /**
     * The header facts of the FLAC stream at {@code detection.audioOffset()}: the frame count is the total
     * STREAMINFO declares; a stream that does not declare one, or declares more than its bytes can hold, is decoded
     * to count its samples.
     */
    static WavFormat readFormat(Path file, FileChannel channel, AudioFiles.Detection detection) throws IOException {
        Header header = readHeader(file, channel, detection);
        long declared = header.info().totalSamples();
        if (declared > 0 && declared <= (header.fileSize() - header.audioOffset()) * MAX_SAMPLES_PER_BYTE) {
            return header.format(declared);
        }
        return decode(file, channel, header).format();
    }

    /** Decodes the FLAC stream at {@code detection.audioOffset()} into memory. */
    static DecodedAudio decode(Path file, FileChannel channel, AudioFiles.Detection detection) throws IOException {
        return decode(file, channel, readHeader(file, channel, detection));
    }

    private static DecodedAudio decode(Path file, FileChannel channel, Header header) throws IOException {
        StreamInfo info = header.info();
        long declared = info.totalSamples();
        long fileBytes = header.fileSize() - header.audioOffset();
        // The declared total is a claim: the first array is never larger than the file could plausibly hold.
        long plausible = fileBytes * 16 + 65_536;
        MonoSamples out = new MonoSamples(file, declared > 0 ? Math.min(declared, plausible) : fileBytes * 2);

        EndAwareStream input = new EndAwareStream(streamFor(channel, header));
        FLACDecoder decoder = new FLACDecoder(input);
        ErrorCounter errors = new ErrorCounter(input, decoder);
        decoder.addFrameListener(errors);
        long frameIndex = 0;
        try {
            decoder.readMetadata();
            Frame frame;
            while ((frame = decoder.readNextFrame()) != null) {
                checkFrame(file, frame, info, out.size());
                int count = frame.header.blockSize;
                float[] target = out.room(count);
                mix(decoder.getChannelData(), info.channels(), info.bits(), count, target, out.size());
                out.added(count);
                frameIndex++;
            }
        } catch (NoMoreFrames end) {
            // every byte was read: what jFLAC would otherwise retry for ever
        } catch (RuntimeException e) {
            throw damaged(file, out.size(), info.sampleRate(), e);
        }

        List<String> warnings = new ArrayList<>();
        warnings.addAll(header.warnings());
        long decoded = out.size();
        if (decoded == 0) {
            throw new UnreadableAudioException(file, "no FLAC audio frame could be decoded"
                    + (decoder.getBadFrames() > 0 ? " (" + decoder.getBadFrames() + " damaged)" : "")
                    + "; the audio data is damaged or missing");
        }
        if (declared > 0 && decoded < declared) {
            warnings.add(String.format(Locale.ROOT, "STREAMINFO declares %d samples but only %d could be decoded:"
                    + " the file is cut short or damaged; decoded what is there", declared, decoded));
        } else if (declared > 0 && decoded > declared) {
            warnings.add(String.format(Locale.ROOT, "STREAMINFO declares %d samples but the frames hold %d;"
                    + " decoded them all", declared, decoded));
        }
        if (errors.crcFailures > 0) {
            warnings.add(String.format(Locale.ROOT, "%d of %d frames failed their CRC check and were decoded as"
                    + " silence", errors.crcFailures, frameIndex));
        }
        if (decoder.getBadFrames() > 0) {
            warnings.add(String.format(Locale.ROOT, "skipped %d damaged frames", decoder.getBadFrames()));
        } else if (errors.lostSync) {
            warnings.add("skipped bytes that are not FLAC frames (damaged data, or a tag after the audio)");
        }
        WavFormat format = header.format(decoded);
        return new DecodedAudio(new AudioClip(out.toArray(), info.sampleRate()), format, warnings);
    }

    /** STREAMINFO alone (total samples cleared), then the frames from the file. */
    private static InputStream streamFor(FileChannel channel, Header header) throws IOException {
        byte[] head = new byte[MAGIC_BYTES + BLOCK_HEADER_BYTES + STREAMINFO_BYTES];
        head[0] = 'f';
        head[1] = 'L';
        head[2] = 'a';
        head[3] = 'C';
        head[4] = (byte) 0x80; // last metadata block, type 0 (STREAMINFO)
        head[7] = STREAMINFO_BYTES;
        byte[] info = header.info().bytes().clone();
        info[13] &= (byte) 0xF0; // total samples: 36 bits from the low half of byte 13 on
        for (int i = 14; i < 18; i++) {
            info[i] = 0;
        }
        System.arraycopy(info, 0, head, MAGIC_BYTES + BLOCK_HEADER_BYTES, STREAMINFO_BYTES);
        channel.position(header.audioOffset());
        InputStream frames = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
        return new SequenceInputStream(new ByteArrayInputStream(head), frames);
    }

    private static void checkFrame(Path file, Frame frame, StreamInfo info, long sample)
            throws UnreadableAudioException {
        var h = frame.header;
        String problem = null;
        if (h.channels != info.channels()) {
            problem = h.channels + " channel(s) where STREAMINFO declares " + info.channels();
        } else if (h.bitsPerSample != info.bits()) {
            problem = h.bitsPerSample + " bits per sample where STREAMINFO declares " + info.bits();
        } else if (h.sampleRate != info.sampleRate()) {
            problem = "a sample rate of " + h.sampleRate + " Hz where STREAMINFO declares " + info.sampleRate() + " Hz";
        } else if (h.blockSize <= 0) {
            problem = "a block of " + h.blockSize + " samples";
        }
        if (problem != null) {
            throw new UnreadableAudioException(file, String.format(Locale.ROOT, "the FLAC frame at sample %d (%.3f s)"
                    + " has %s; a stream that changes its format is not supported", sample,
                    sample / (double) info.sampleRate(), problem));
        }
    }

    /** Writes the mean of the channels of one decoded frame, scaled to full scale, into {@code target[offset...]}. */
    private static void mix(ChannelData[] data, int channels, int bits, int count, float[] target, int offset) {
        if (channels == 1) {
            float scale = (float) Math.scalb(1.0, 1 - bits);
            int[] v = data[0].getOutput();
            for (int i = 0; i < count; i++) {
                target[offset + i] = v[i] * scale;
            }
            return;
        }
        double divisor = channels * Math.scalb(1.0, bits - 1);
        for (int i = 0; i < count; i++) {
            long sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += data[c].getOutput()[i];
            }
            target[offset + i] = (float) (sum / divisor);
        }
    }

    /**
     * Ends the frame loop once the input is used up. jFLAC's {@code readNextFrame} retries a frame whose header is bad
     * after searching for the next sync code; at the end of the stream the search returns at once and the retry
     * fails again on the same stale bytes, without end. The error it reports on the way is where this stops it.
     */
    private static final class NoMoreFrames extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoMoreFrames() {
            super("no more frames", null, false, false);
        }
    }

    /** Counts what jFLAC reports while it decodes, and stops it when it has nothing left to read. */
    private static final class ErrorCounter implements FrameListener {
        private final EndAwareStream input;
        private final FLACDecoder decoder;
        int crcFailures;
        boolean lostSync;

        ErrorCounter(EndAwareStream input, FLACDecoder decoder) {
            this.input = input;
            this.decoder = decoder;
        }

        @Override
        public void processMetadata(Metadata metadata) {
            // only the STREAMINFO handed over is ever read
        }

        @Override
        public void processFrame(Frame frame) {
            // frames are taken from readNextFrame
        }

        @Override
        public void processError(String message) {
            if (message.startsWith("CRC Error")) {
                crcFailures++;
                return;
            }
            lostSync = true;
            if (input.ended() && decoder.getBitInputStream().getInputBytesUnconsumed() == 0) {
                throw new NoMoreFrames();
            }
        }
    }

    private static UnreadableAudioException damaged(Path file, long sample, int rate, RuntimeException e) {
        return new UnreadableAudioException(file, String.format(Locale.ROOT, "the FLAC data is damaged near sample"
                + " %d (%.3f s): the decoder failed with %s", sample, sample / (double) rate, e), e);
    }

    /** Walks the metadata blocks and validates STREAMINFO. */
    private static Header readHeader(Path file, FileChannel channel, AudioFiles.Detection detection)
            throws IOException {
        long fileSize = channel.size();
        long position = detection.audioOffset() + MAGIC_BYTES;
        List<String> blocks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        StreamInfo info = null;
        boolean last = false;
        while (!last) {
            if (blocks.size() == MAX_BLOCKS) {
                throw new UnreadableAudioException(file, "more than " + MAX_BLOCKS + " FLAC metadata blocks; not a"
                        + " usable FLAC file");
            }
            ByteBuffer blockHeader = AudioFiles.read(channel, position, BLOCK_HEADER_BYTES);
            if (blockHeader.limit() < BLOCK_HEADER_BYTES) {
                throw new UnreadableAudioException(file, blocks.isEmpty()
                        ? "the file ends right after the 'fLaC' signature: no STREAMINFO, no audio"
                        : "the file ends inside the FLAC metadata at byte " + position + ", before any audio "
                        + describeBlocks(blocks));
            }
            int first = blockHeader.get(0) & 0xFF;
            last = (first & 0x80) != 0;
            int type = first & 0x7F;
            long length = ((blockHeader.get(1) & 0xFFL) << 16) | ((blockHeader.get(2) & 0xFFL) << 8)
                    | (blockHeader.get(3) & 0xFFL);
            long body = position + BLOCK_HEADER_BYTES;
            if (type == 127) {
                throw new UnreadableAudioException(file, "invalid FLAC metadata block type 127 at byte " + position
                        + " " + describeBlocks(blocks));
            }
            if (body + length > fileSize) {
                throw new UnreadableAudioException(file, String.format(Locale.ROOT, "the FLAC metadata block %s at"
                        + " byte %d declares %d bytes but only %d remain in the file, so no audio follows %s",
                        blockName(type), position, length, fileSize - body, describeBlocks(blocks)));
            }
            if (blocks.isEmpty() && type != 0) {
                throw new UnreadableAudioException(file, "the first FLAC metadata block is " + blockName(type)
                        + ", not STREAMINFO, so the sample format is unknown");
            }
            if (type == 0) {
                if (info == null) {
                    if (length < STREAMINFO_BYTES) {
                        throw new UnreadableAudioException(file, "STREAMINFO is " + length + " bytes, "
                                + STREAMINFO_BYTES + " are needed");
                    }
                    info = parseStreamInfo(file, AudioFiles.read(channel, body, STREAMINFO_BYTES));
                } else {
                    warnings.add("the file has more than one STREAMINFO block; used the first");
                }
            }
            blocks.add(blockName(type));
            position = body + length;
        }
        if (position >= fileSize) {
            throw new UnreadableAudioException(file, "the FLAC file holds metadata but no audio frames "
                    + describeBlocks(blocks));
        }
        return new Header(info, position, fileSize, List.copyOf(blocks), List.copyOf(warnings));
    }

    private static StreamInfo parseStreamInfo(Path file, ByteBuffer body) throws UnreadableAudioException {
        byte[] bytes = new byte[STREAMINFO_BYTES];
        body.get(0, bytes);
        long packed = body.getLong(10); // rate (20), channels - 1 (3), bits - 1 (5), total samples (36)
        int sampleRate = (int) (packed >>> 44);
        int channels = (int) ((packed >>> 41) & 0x7) + 1;
        int bits = (int) ((packed >>> 36) & 0x1F) + 1;
        long total = packed & 0xF_FFFF_FFFFL;
        if (sampleRate < WavDecoder.MIN_SAMPLE_RATE || sampleRate > WavDecoder.MAX_SAMPLE_RATE) {
            throw new UnreadableAudioException(file, "STREAMINFO declares a sample rate of " + sampleRate
                    + " Hz, outside the supported range " + WavDecoder.MIN_SAMPLE_RATE + " to "
                    + WavDecoder.MAX_SAMPLE_RATE + " Hz");
        }
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new UnreadableAudioException(file, "STREAMINFO declares " + bits + " bits per sample; FLAC"
                    + " streams of " + MIN_BITS + " to " + MAX_BITS + " bits can be decoded");
        }
        return new StreamInfo(sampleRate, channels, bits, total, bytes);
    }

    private static String blockName(int type) {
        return switch (type) {
            case 0 -> "STREAMINFO";
            case 1 -> "PADDING";
            case 2 -> "APPLICATION";
            case 3 -> "SEEKTABLE";
            case 4 -> "VORBIS_COMMENT";
            case 5 -> "CUESHEET";
            case 6 -> "PICTURE";
            default -> "type " + type;
        };
    }

    private static String describeBlocks(List<String> blocks) {
        return "(metadata blocks found: " + (blocks.isEmpty() ? "none" : String.join(", ", blocks)) + ")";
    }
}
