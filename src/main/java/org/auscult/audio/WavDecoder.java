package org.auscult.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes RIFF/WAVE files to mono float samples: PCM 8/16/24/32-bit, IEEE float 32/64-bit and
 * WAVE_FORMAT_EXTENSIBLE with either sub-format, any number of channels up to {@value #MAX_CHANNELS}, sample rates
 * from {@value #MIN_SAMPLE_RATE} to {@value #MAX_SAMPLE_RATE} Hz.
 *
 * <p>Scaling: an integer sample {@code v} in a {@code b}-bit container becomes {@code v / 2^(b-1)}
 * (int16: {@code v / 32768}, as librosa); 8-bit samples are unsigned and become {@code (u - 128) / 128}. Float
 * samples are kept (64-bit ones rounded to float). Channels are averaged: {@code x[n] = (1/C) sum_c x_c[n]}, unless
 * they cancel ({@link ChannelMixdown}: the louder one is then decoded alone, with a warning).
 *
 * <p>Lenient where files in the wild are commonly wrong (a RIFF size that does not match the file, a data chunk
 * that claims more bytes than the file holds, a byte rate that does not add up, a missing pad byte), with a
 * warning in {@link DecodedAudio#warnings()}; strict everywhere else. Any file contents that cannot be decoded,
 * and any failure to read the file, end in an {@link UnreadableAudioException} that names the file and the
 * problem; no other exception leaves {@link #decode} or {@link #readFormat}.
 *
 * <p>Stateless and thread-safe: one instance can serve any number of threads.
 */
public final class WavDecoder {

    /** Lowest sample rate accepted, in Hz. */
    public static final int MIN_SAMPLE_RATE = 1_000;
    /** Highest sample rate accepted, in Hz. */
    public static final int MAX_SAMPLE_RATE = 192_000;
    /** Most channels accepted; more is a corrupt header rather than a recording. */
    public static final int MAX_CHANNELS = 64;
    /** Most samples one clip can hold: the largest Java array the JVM allows. */
    public static final long MAX_FRAMES = Integer.MAX_VALUE - 8;

    /** Sample bytes are read in blocks of about this size, so decoding needs only the floats plus one block. */
    static final int READ_BLOCK_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WavDecoder.class);

    /** A decoder; it holds no state, so one instance can be shared. */
    public WavDecoder() {
        // nothing to set up
    }

    /** Reads only the header: the format, where the samples are and how many frames the file holds. */
    public WavFormat readFormat(Path file) throws UnreadableAudioException {
        return withChannel(file, channel ->
                WavHeaderReader.read(file, channel, WavHeaderReader.HEADER_PREFIX_BYTES).format());
    }

    /** Decodes the whole file to mono float samples, with warnings about anything that was tolerated. */
    public DecodedAudio decode(Path file) throws UnreadableAudioException {
        return withChannel(file, channel -> decode(file, channel));
    }

    /** Work on an open file. */
    private interface ChannelWork<T> {
        T apply(FileChannel channel) throws IOException;
    }

    /** Opens {@code file}, runs {@code work} on it and turns every failure into an UnreadableAudioException. */
    private static <T> T withChannel(Path file, ChannelWork<T> work) throws UnreadableAudioException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return work.apply(channel);
        } catch (UnreadableAudioException | java.util.concurrent.CancellationException e) {
            throw e;
        } catch (IOException e) {
            throw readFailure(file, e);
        } catch (RuntimeException e) {
            throw internalFailure(file, e);
        }
    }

    /**
     * Receives a recording's mono samples in order, one block at a time, from {@link #stream}.
     */
    public interface BlockSink {
        /**
         * Called once with the validated header, before any sample: the sink sizes its work from
         * {@code format.frameCount()} here, or refuses the recording by throwing.
         */
        void start(WavFormat format) throws UnreadableAudioException;

        /**
         * The next {@code count} mono samples, {@code samples[0 .. count)}. The array is reused for the next block:
         * copy what must be kept.
         */
        void accept(float[] samples, int count) throws UnreadableAudioException;
    }

    /**
     * What {@link #stream} learnt about a recording besides its samples.
     *
     * @param format   the header facts of the file
     * @param warnings problems that were tolerated, as for {@link DecodedAudio#warnings()}
     * @param levels   the levels of every mono sample, as {@link SignalLevels#of} of a full decoding gives them
     */
    public record Streamed(WavFormat format, List<String> warnings, SignalLevels levels) {
        public Streamed {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(levels, "levels");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Decodes {@code file} block by block into {@code sink}, never holding more than one block of
     * {@value #STREAM_BLOCK_FRAMES} frames (at most {@value #READ_BLOCK_BYTES} bytes of file data) at a time: the
     * way to read a recording too long to exist as one float array at its own rate. The samples the sink receives
     * are exactly those {@link #decode} returns. Every failure, including one the sink throws, is an
     * {@link UnreadableAudioException} naming the file.
     */
    public Streamed stream(Path file, BlockSink sink) throws UnreadableAudioException {
        Objects.requireNonNull(sink, "sink");
        return withChannel(file, channel -> {
            WavHeaderReader.Header header = WavHeaderReader.read(file, channel, WavHeaderReader.HEADER_PREFIX_BYTES);
            WavFormat format = header.format();
            sink.start(format);
            ChannelMixdown mixdown = ChannelMixdown.of(file, channel, header);
            SignalLevels.Accumulator levels = new SignalLevels.Accumulator(format);
            int blockFrames = streamBlockFrames(format);
            float[] block = new float[blockFrames];
            readSamples(file, channel, header, blockFrames, (firstFrame, data, count, layout) -> {
                convert(file, data, firstFrame, count, format, layout, mixdown, block, 0);
                levels.add(block, 0, count);
                sink.accept(block, count);
            });
            return new Streamed(format, mixdown.warnings(header.warnings()), levels.levels());
        });
    }

    /**
     * The {@link SampleRanges} of {@code file} in buckets of {@code bucketFrames} frames, read as {@link #stream}
     * reads, without the levels; 16-bit mono PCM, the common case, without converting each sample.
     * {@code checkpoint} runs before each block: it may throw {@link java.util.concurrent.CancellationException}
     * to stop the reading, which passes through as it is.
     */
    public SampleRanges ranges(Path file, int bucketFrames, Runnable checkpoint) throws UnreadableAudioException {
        Objects.requireNonNull(checkpoint, "checkpoint");
        return withChannel(file, channel -> {
            WavHeaderReader.Header header = WavHeaderReader.read(file, channel, WavHeaderReader.HEADER_PREFIX_BYTES);
            long frames = header.format().frameCount();
            int parts = (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
                    frames / PARALLEL_RANGES_FRAMES));
            if (parts == 1) {
                return ranges(file, channel, header, 0, frames, bucketFrames, checkpoint);
            }
            // Consecutive parts of whole buckets, read at once from the same channel (its positional reads do not
            // share a position): an hour's outline is wanted within a second of the click.
            long partFrames = ((frames + parts - 1) / parts + bucketFrames - 1) / bucketFrames * bucketFrames;
            try {
                return SampleRanges.joined(IntStream.range(0, parts).parallel().mapToObj(part -> {
                    long from = Math.min(frames, part * partFrames);
                    try {
                        return ranges(file, channel, header, from, Math.min(frames, from + partFrames), bucketFrames,
                                checkpoint);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }

    /**
     * The fewest frames in each part when a recording's ranges are read in parallel parts (about 3 min at 44.1 kHz):
     * so from about 6 min on, two cores share the work.
     */
    static final long PARALLEL_RANGES_FRAMES = 1L << 23;

    /** The ranges of frames {@code from … to − 1} of a parsed file, in buckets counted from {@code from}. */
    private static SampleRanges ranges(Path file, FileChannel channel, WavHeaderReader.Header header, long from,
                                       long to, int bucketFrames, Runnable checkpoint) throws IOException {
        WavFormat format = header.format();
        SampleRanges.Builder ranges = new SampleRanges.Builder(format.sampleRate(), bucketFrames, to - from);
        int blockFrames = streamBlockFrames(format);
        boolean pcm16Mono = format.channels() == 1 && SampleConverter.Layout.of(format)
                == SampleConverter.Layout.SIGNED_16;
        float[] block = pcm16Mono ? null : new float[blockFrames];
        readSamples(file, channel, header, blockFrames, from, to, (firstFrame, data, count, layout) -> {
            checkpoint.run();
            if (pcm16Mono) {
                ranges.addPcm16(data, count);
            } else {
                convert(file, data, firstFrame, count, format, layout, ChannelMixdown.MEAN, block, 0);
                ranges.add(block, count);
            }
        });
        return ranges.build();
    }

    /**
     * Reads frames {@code firstFrame … firstFrame + count − 1} of {@code file} (a WAV whose header gave
     * {@code format}) as mono samples into {@code target[0 .. count)}, the same values {@link #decode} gives them:
     * a stretch of a long recording at its own rate, read when it is played or drawn up close, without decoding the
     * rest. Frames past the end of the recording are not read.
     *
     * @return how many frames were read
     * @throws UnreadableAudioException naming the file, when it cannot be read or holds fewer bytes than its header
     */
    public int readFrames(Path file, WavFormat format, long firstFrame, float[] target, int count)
            throws UnreadableAudioException {
        if (firstFrame < 0 || count < 0 || count > target.length) {
            throw new IllegalArgumentException("frames " + firstFrame + " + " + count + " into " + target.length);
        }
        int frames = (int) Math.max(0, Math.min(count, format.frameCount() - firstFrame));
        if (frames == 0) {
            return 0;
        }
        return withChannel(file, channel -> {
            ByteBuffer data = ByteBuffer.allocate(frames * format.blockAlign()).order(ByteOrder.LITTLE_ENDIAN);
            WavHeaderReader.readFully(channel, data, format.dataOffset() + firstFrame * format.blockAlign());
            if (data.hasRemaining()) {
                throw new UnreadableAudioException(file, "the file is shorter than its header says");
            }
            convert(file, data, firstFrame, frames, format, SampleConverter.Layout.of(format), ChannelMixdown.MEAN,
                    target, 0);
            return frames;
        });
    }

    /** Frames read per block when a recording is streamed: a block of floats and of file bytes, at most. */
    private static int streamBlockFrames(WavFormat format) {
        return (int) Math.min(format.frameCount(),
                Math.max(1, Math.min(STREAM_BLOCK_FRAMES, READ_BLOCK_BYTES / format.blockAlign())));
    }

    /** Frames per block handed to a {@link BlockSink}: 1 MB of floats. */
    static final int STREAM_BLOCK_FRAMES = 1 << 18;

    /** Consumes the raw sample bytes of consecutive frames. */
    interface RawBlocks {
        void accept(long firstFrame, ByteBuffer data, int frames, SampleConverter.Layout layout) throws IOException;
    }

    /** Feeds the data chunk of a parsed file to {@code blocks} in order, at most {@code blockFrames} at a time. */
    static void readSamples(Path file, FileChannel channel, WavHeaderReader.Header header, int blockFrames,
                            RawBlocks blocks) throws IOException {
        readSamples(file, channel, header, blockFrames, 0, header.format().frameCount(), blocks);
    }

    /** Feeds frames {@code from … to − 1} of a parsed file to {@code blocks} in order, {@code blockFrames} at most. */
    private static void readSamples(Path file, FileChannel channel, WavHeaderReader.Header header, int blockFrames,
                                    long from, long to, RawBlocks blocks) throws IOException {
        WavFormat format = header.format();
        SampleConverter.Layout layout = SampleConverter.Layout.of(format);
        int frameBytes = format.blockAlign();
        long dataOffset = format.dataOffset();
        long frames = to - from;

        ByteBuffer prefix = header.prefix();
        long end = dataOffset + to * frameBytes;
        if (end <= prefix.limit() && frames <= blockFrames) {
            // A short recording: the header read already holds every sample.
            ByteBuffer data = prefix.slice((int) (dataOffset + from * frameBytes), (int) (frames * frameBytes))
                    .order(ByteOrder.LITTLE_ENDIAN);
            blocks.accept(from, data, (int) frames, layout);
            return;
        }
        int framesPerRead = Math.max(1, Math.min(blockFrames, READ_BLOCK_BYTES / frameBytes));
        ByteBuffer block = ByteBuffer.allocate((int) Math.min(frames, framesPerRead) * frameBytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        for (long done = from; done < to; ) {
            int count = (int) Math.min(framesPerRead, to - done);
            block.clear().limit(count * frameBytes);
            WavHeaderReader.readFully(channel, block, dataOffset + done * frameBytes);
            if (block.hasRemaining()) {
                throw new UnreadableAudioException(file, "the file became shorter while it was being read");
            }
            blocks.accept(done, block, count, layout);
            done += count;
        }
    }

    private static DecodedAudio decode(Path file, FileChannel channel) throws IOException {
        WavHeaderReader.Header header = WavHeaderReader.read(file, channel, WavHeaderReader.DECODE_PREFIX_BYTES);
        WavFormat format = header.format();
        float[] samples = allocate(file, format.frameCount());
        ChannelMixdown mixdown = ChannelMixdown.of(file, channel, header);
        readSamples(file, channel, header, Integer.MAX_VALUE, (firstFrame, data, count, layout) ->
                convert(file, data, firstFrame, count, format, layout, mixdown, samples, (int) firstFrame));

        List<String> warnings = mixdown.warnings(header.warnings());
        if (!warnings.isEmpty() && LOG.isDebugEnabled()) {
            LOG.debug("{}: decoded with warnings: {}", file, String.join("; ", warnings));
        }
        return new DecodedAudio(new AudioClip(samples, format.sampleRate()), format, warnings);
    }

    /**
     * The float array for {@code frames} samples, or a clear refusal when it cannot exist in this JVM: more than
     * {@link #MAX_FRAMES}, or more than the heap holds (the FLAC and MP3 decoders size their arrays here too).
     */
    static float[] allocate(Path file, long frames) throws UnreadableAudioException {
        if (frames > MAX_FRAMES) {
            throw new UnreadableAudioException(file, String.format(Locale.ROOT, "the recording has %d frames,"
                    + " more than the %d samples one recording can hold in memory; split it into shorter files",
                    frames, MAX_FRAMES));
        }
        long neededBytes = frames * Float.BYTES + READ_BLOCK_BYTES;
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (neededBytes > maxHeap) {
            throw new UnreadableAudioException(file, tooLargeMessage(frames, neededBytes, maxHeap));
        }
        try {
            return new float[(int) frames];
        } catch (OutOfMemoryError e) {
            // Safe to recover: the one large allocation failed as a whole, nothing else was left half-built.
            throw new UnreadableAudioException(file, tooLargeMessage(frames, neededBytes, maxHeap));
        }
    }

    private static String tooLargeMessage(long frames, long neededBytes, long maxHeap) {
        return String.format(Locale.ROOT, "the recording is too large to decode in memory: %d frames need %d MB"
                + " as floats, the Java heap allows %d MB in all (raise it with -Xmx, or split the recording)",
                frames, neededBytes >> 20, maxHeap >> 20);
    }

    private static void convert(Path file, ByteBuffer data, long firstFrame, int frames, WavFormat format,
                                SampleConverter.Layout layout, ChannelMixdown mixdown, float[] target,
                                int targetOffset) throws UnreadableAudioException {
        int bad = mixdown.channel < 0
                ? SampleConverter.convert(data, frames, format.channels(), layout, target, targetOffset)
                : SampleConverter.convertChannel(data, frames, format.channels(), mixdown.channel, layout, target,
                        targetOffset);
        if (bad >= 0) {
            throw new UnreadableAudioException(file, describeBadFrame(data, bad, firstFrame, format, layout));
        }
    }

    /** Names the first sample of a frame that is NaN, infinite or beyond the accepted float range. */
    private static String describeBadFrame(ByteBuffer data, int frameInBlock, long firstFrame, WavFormat format,
                                           SampleConverter.Layout layout) {
        long frame = firstFrame + frameInBlock;
        int channels = format.channels();
        for (int c = 0; c < channels; c++) {
            double value = SampleConverter.valueAt(data, frameInBlock * format.blockAlign() + c * layout.bytes, layout);
            if (!SampleConverter.acceptable(value)) {
                String where = channels == 1 ? "sample " + frame
                        : "sample " + frame + " (channel " + (c + 1) + " of " + channels + ")";
                if (Float.isFinite((float) value)) {
                    return String.format(Locale.ROOT, "%s is %s, more than %.0f times full scale; a float WAV holds "
                            + "samples around -1 to 1 (integer values stored as floats?)", where, (float) value,
                            SampleConverter.MAX_FLOAT_MAGNITUDE);
                }
                String what = Double.isNaN(value) ? "NaN"
                        : Double.isInfinite(value) ? (value > 0 ? "+Infinity" : "-Infinity")
                        : value + ", beyond the range of a 32-bit float";
                return where + " is " + what + "; a float WAV must hold finite samples";
            }
        }
        return "sample " + frame + " is not a finite number";
    }

    /** A failure to read {@code file}, in words: not found, permission denied, a folder, an I/O error. */
    static UnreadableAudioException readFailure(Path file, IOException e) {
        String problem;
        if (e instanceof NoSuchFileException) {
            problem = "file not found";
        } else if (e instanceof AccessDeniedException) {
            problem = "permission denied: the file cannot be read";
        } else if (Files.isDirectory(file)) {
            problem = "is a folder, not a WAV file";
        } else {
            problem = "cannot read the file: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return new UnreadableAudioException(file, problem, e);
    }

    /** A defect in this decoder, reported like any unreadable file so one bad recording cannot stop a batch. */
    static UnreadableAudioException internalFailure(Path file, Throwable e) {
        LOG.error("{}: unexpected failure while decoding", file, e);
        return new UnreadableAudioException(file, "the decoder failed on this file (" + e + "); please report it", e);
    }
}
