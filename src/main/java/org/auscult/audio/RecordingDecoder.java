package org.auscult.audio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes any recording to mono float samples: the one entry point for a user's recording, whatever its format.
 *
 * <p>The decoder is chosen by what the file holds, told by its first bytes ({@link AudioFiles#detect}), never by
 * its name: RIFF/WAVE goes to {@link WavDecoder} (with its block-by-block {@link #stream} for recordings of any
 * length), {@code fLaC} to {@link FlacDecoder} (jFLAC), an ID3v2 tag or an MPEG audio frame sync to
 * {@link Mp3Decoder} (JLayer). A file whose name says one format but whose contents are another is decoded by its
 * contents, with a warning. Any other file (Ogg, MP4/M4A, AIFF, AAC, WMA, ... or an unknown format) is refused with
 * an {@link UnreadableAudioException} that names the file, the format found and a command that converts it.
 *
 * <p>Every decoder returns the same {@link DecodedAudio}: mono samples (the mean of the channels), integers scaled by
 * {@code v / 2^(b-1)}, the format and the warnings. FLAC and MP3 recordings are decoded whole into memory (their
 * {@link #stream} decodes first and then hands the samples over block by block); the float array is checked against
 * {@link WavDecoder#MAX_FRAMES} and the heap before it is allocated, as for WAV, so a recording too large is refused by
 * name instead of ending in an {@link OutOfMemoryError}.
 *
 * <p>No exception other than {@link UnreadableAudioException} leaves it: failures of the FLAC and MP3 libraries on
 * damaged data are reported as damaged data, naming the file and where. Stateless and thread-safe.
 */
public final class RecordingDecoder {

    private final WavDecoder wav = new WavDecoder();

    /** A decoder; it holds no state, so one instance can be shared. */
    public RecordingDecoder() {
        // nothing to set up
    }

    /**
     * The header facts without decoding: for WAV the header, for FLAC its STREAMINFO, for MP3 its frame headers
     * (read, not decoded).
     */
    public WavFormat readFormat(Path file) throws UnreadableAudioException {
        return run(file, () -> wav.readFormat(file), (channel, detection) -> detection.kind() == AudioFiles.Kind.FLAC
                ? FlacDecoder.readFormat(file, channel, detection) : Mp3Decoder.readFormat(file, channel, detection));
    }

    /** Decodes the whole file to mono float samples, with warnings about anything that was tolerated. */
    public DecodedAudio decode(Path file) throws UnreadableAudioException {
        return run(file, () -> wav.decode(file), (channel, detection) -> decodeWhole(file, channel, detection));
    }

    /**
     * Hands the recording's mono samples to {@code sink} block by block, as {@link WavDecoder#stream} does: a WAV
     * streams from the file without ever existing whole at its own rate; a FLAC or MP3 recording is decoded into
     * memory first, and its samples are then handed over in blocks of {@link WavDecoder#STREAM_BLOCK_FRAMES}. The
     * samples are exactly those {@link #decode} returns.
     */
    public WavDecoder.Streamed stream(Path file, WavDecoder.BlockSink sink) throws UnreadableAudioException {
        Objects.requireNonNull(sink, "sink");
        return run(file, () -> wav.stream(file, sink),
                (channel, detection) -> feed(decodeWhole(file, channel, detection), sink));
    }

    /**
     * The {@link SampleRanges} of the recording's mono samples in buckets of {@code bucketFrames} frames: a WAV read
     * in one pass ({@link WavDecoder#ranges}), a FLAC or MP3 recording decoded first. {@code checkpoint} runs
     * between blocks and may throw {@link java.util.concurrent.CancellationException} to stop.
     */
    public SampleRanges ranges(Path file, int bucketFrames, Runnable checkpoint) throws UnreadableAudioException {
        return run(file, () -> wav.ranges(file, bucketFrames, checkpoint), (channel, detection) -> {
            DecodedAudio decoded = decodeWhole(file, channel, detection);
            checkpoint.run();
            return SampleRanges.of(decoded.clip().samples(), decoded.clip().sampleRate(), bucketFrames);
        });
    }

    /** A FLAC or MP3 recording decoded whole into memory. */
    private static DecodedAudio decodeWhole(Path file, FileChannel channel, AudioFiles.Detection detection)
            throws IOException {
        return detection.kind() == AudioFiles.Kind.FLAC ? FlacDecoder.decode(file, channel, detection)
                : Mp3Decoder.decode(file, channel, detection);
    }

    /** Hands a decoded recording to {@code sink} as a stream would. */
    private static WavDecoder.Streamed feed(DecodedAudio decoded, WavDecoder.BlockSink sink)
            throws UnreadableAudioException {
        sink.start(decoded.format());
        float[] samples = decoded.clip().samples();
        float[] block = new float[Math.max(1, Math.min(samples.length, WavDecoder.STREAM_BLOCK_FRAMES))];
        for (int from = 0; from < samples.length; from += block.length) {
            int count = Math.min(block.length, samples.length - from);
            System.arraycopy(samples, from, block, 0, count);
            sink.accept(block, count);
        }
        return new WavDecoder.Streamed(decoded.format(), decoded.warnings(), decoded.levels());
    }

    /** The work on a WAV file, which the WAV decoder opens itself. */
    private interface WavWork<T> {
        T run() throws UnreadableAudioException;
    }

    /** The work on a FLAC or MP3 file, read from the channel opened here. */
    private interface ChannelWork<T> {
        T run(FileChannel channel, AudioFiles.Detection detection) throws IOException;
    }

    /**
     * Tells the file's format and runs the work for it: the WAV decoder opens the file itself; the FLAC and MP3
     * decoders read the channel opened here. Every failure becomes an UnreadableAudioException naming the file.
     */
    private static <T> T run(Path file, WavWork<T> wavWork, ChannelWork<T> channelWork)
            throws UnreadableAudioException {
        Objects.requireNonNull(file, "file");
        AudioFiles.Detection detection;
        T result;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() == 0) {
                throw new UnreadableAudioException(file, AudioFiles.EMPTY);
            }
            detection = AudioFiles.detect(channel);
            result = switch (detection.kind()) {
                case WAV -> null; // decoded below, once this channel is closed
                case FLAC, MP3 -> channelWork.run(channel, detection);
                default -> throw new UnreadableAudioException(file, AudioFiles.describeUnsupported(file, detection));
            };
        } catch (UnreadableAudioException | java.util.concurrent.CancellationException e) {
            throw e;
        } catch (IOException e) {
            throw WavDecoder.readFailure(file, e);
        } catch (RuntimeException e) {
            throw WavDecoder.internalFailure(file, e);
        }
        if (detection.kind() == AudioFiles.Kind.WAV) {
            result = wavWork.run();
        }
        return withNameNote(file, detection.kind(), result);
    }

    /** Adds the warning that the file's name says another format than its contents, to what carries warnings. */
    @SuppressWarnings("unchecked")
    private static <T> T withNameNote(Path file, AudioFiles.Kind kind, T result) {
        String note = nameNote(file, kind);
        if (note.isEmpty()) {
            return result;
        }
        if (result instanceof DecodedAudio decoded) {
            return (T) new DecodedAudio(decoded.clip(), decoded.format(), prepend(note, decoded.warnings()),
                    decoded.levels());
        }
        if (result instanceof WavDecoder.Streamed streamed) {
            return (T) new WavDecoder.Streamed(streamed.format(), prepend(note, streamed.warnings()),
                    streamed.levels());
        }
        return result;
    }

    private static List<String> prepend(String note, List<String> warnings) {
        List<String> all = new ArrayList<>(warnings.size() + 1);
        all.add(note);
        all.addAll(warnings);
        return all;
    }

    /**
     * "the file is named .mp3 but holds WAV audio; decoded it as WAV", or "" when the name fits the contents or
     * says nothing about them.
     */
    static String nameNote(Path file, AudioFiles.Kind kind) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot <= 0) {
            return "";
        }
        String extension = lower.substring(dot);
        AudioFiles.Kind named = switch (extension) {
            case ".wav" -> AudioFiles.Kind.WAV;
            case ".flac" -> AudioFiles.Kind.FLAC;
            case ".mp3" -> AudioFiles.Kind.MP3;
            default -> AudioFiles.UNSUPPORTED_EXTENSIONS.contains(extension) ? AudioFiles.Kind.UNKNOWN : null;
        };
        if (named == null || named == kind) {
            return "";
        }
        String label = kind == AudioFiles.Kind.WAV ? "WAV" : kind == AudioFiles.Kind.FLAC ? "FLAC" : "MP3";
        return "the file is named " + extension + " but holds " + kind.description() + "; decoded it as " + label;
    }
}
