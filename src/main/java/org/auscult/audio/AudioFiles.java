package org.auscult.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which files are recordings, and what a file holds: the one place that knows the names recordings go by
 * ({@link #EXTENSIONS}) and the first bytes of every audio format Auscult meets.
 *
 * <p>A file is decoded by what it holds, never by its name: {@link #detect} reads its first bytes (RIFF/WAVE,
 * {@code fLaC}, an ID3v2 tag or an MPEG audio frame sync) and {@link RecordingDecoder} picks the decoder from that.
 * Names serve only to find recordings in folders: a file named like one of {@link #EXTENSIONS} is taken as a
 * recording, and one named like a known audio format that cannot be decoded ({@link #UNSUPPORTED_EXTENSIONS}) is
 * reported with {@link #unsupportedReason} instead of being left out without a word.
 */
public final class AudioFiles {

    /** The name endings of recordings, lower case: WAV, FLAC and MP3. */
    public static final List<String> EXTENSIONS = List.of(".wav", ".flac", ".mp3");

    /**
     * Name endings of audio formats that cannot be decoded, lower case: found in a folder, such a file is reported
     * with the reason and a conversion command.
     */
    public static final List<String> UNSUPPORTED_EXTENSIONS = List.of(".3gp", ".aac", ".aif", ".aifc", ".aiff",
            ".amr", ".ape", ".au", ".caf", ".m4a", ".mka", ".mp4", ".oga", ".ogg", ".opus", ".snd", ".webm", ".wma",
            ".wv");

    /** Bytes read from the start of a file to tell its format. */
    static final int SIGNATURE_BYTES = 16;

    /** Consecutive ID3v2 tags skipped before the audio; more is not a recording anyone made. */
    private static final int MAX_ID3_TAGS = 16;

    private static final int ID3_HEADER_BYTES = 10;

    private AudioFiles() {
    }

    /** What a file holds, told by its first bytes. */
    public enum Kind {
        WAV("WAV audio", true),
        FLAC("FLAC audio", true),
        MP3("MP3 (MPEG) audio", true),
        OGG("Ogg audio (Vorbis, Opus or FLAC in Ogg)", false),
        MP4("MP4/M4A audio (AAC or ALAC)", false),
        AIFF("AIFF audio", false),
        AAC("AAC audio (ADTS)", false),
        WMA("Windows Media audio (WMA/ASF)", false),
        AU("Sun/NeXT AU audio", false),
        AMR("AMR audio", false),
        CAF("Core Audio (CAF) audio", false),
        MATROSKA("Matroska/WebM audio", false),
        WAVPACK("WavPack audio", false),
        APE("Monkey's Audio (APE)", false),
        UNKNOWN("an unknown format", false);

        private final String description;
        private final boolean decodable;

        Kind(String description, boolean decodable) {
            this.description = description;
            this.decodable = decodable;
        }

        /** What the format is, for people: "Ogg audio (Vorbis, Opus or FLAC in Ogg)". */
        public String description() {
            return description;
        }

        /** True for WAV, FLAC and MP3, the formats {@link RecordingDecoder} decodes. */
        public boolean decodable() {
            return decodable;
        }
    }

    /**
     * What {@link #detect} found.
     *
     * @param kind        the format
     * @param audioOffset where the audio starts: 0, or the end of the ID3v2 tags before a FLAC or MP3 stream
     * @param tags        the tags skipped to get there ("ID3v2")
     * @param problem     why the tags cannot be skipped (a tag claiming more bytes than the file holds), or ""
     * @param start       the first bytes of the file, for messages
     */
    record Detection(Kind kind, long audioOffset, List<String> tags, String problem, ByteBuffer start) {
    }

    /** True when {@code file}'s name ends in one of {@link #EXTENSIONS}, any case. */
    public static boolean isRecordingFile(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && isRecordingName(name.toString());
    }

    /** True when {@code name} ends in one of {@link #EXTENSIONS}, any case. */
    public static boolean isRecordingName(String name) {
        return extensionOf(name, EXTENSIONS).isPresent();
    }

    /** True when {@code file}'s name ends in one of {@link #UNSUPPORTED_EXTENSIONS}, any case. */
    public static boolean isUnsupportedAudioFile(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && extensionOf(name.toString(), UNSUPPORTED_EXTENSIONS).isPresent();
    }

    /**
     * True when {@code file} is named like audio at all: a recording or an audio format that cannot be decoded. A
     * folder scan keeps these, so that the ones that cannot be read are reported rather than missed.
     */
    public static boolean isAudioFile(Path file) {
        return isRecordingFile(file) || isUnsupportedAudioFile(file);
    }

    /**
     * {@code name} without its recording extension ({@code "a/b.FLAC"} gives {@code "a/b"}); unchanged when it does
     * not end in one of {@link #EXTENSIONS}.
     */
    public static String stripExtension(String name) {
        return extensionOf(name, EXTENSIONS).map(ext -> name.substring(0, name.length() - ext.length())).orElse(name);
    }

    private static Optional<String> extensionOf(String name, List<String> extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        return extensions.stream().filter(ext -> lower.endsWith(ext) && lower.length() > ext.length()).findFirst();
    }

    /**
     * What {@code file} holds, told by its first bytes.
     *
     * @throws UnreadableAudioException when the file cannot be read (missing, a folder, no permission)
     */
    public static Kind detect(Path file) throws UnreadableAudioException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return detect(channel).kind();
        } catch (IOException e) {
            throw WavDecoder.readFailure(file, e);
        }
    }

    /**
     * Why {@code file} is not a recording Auscult can decode, in the words the decoder would use (the format found
     * and a conversion command); empty when its contents are WAV, FLAC or MP3, whatever its name. A file that cannot
     * be read gets the reason too.
     */
    public static Optional<String> unsupportedReason(Path file) {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() == 0) {
                return Optional.of(EMPTY);
            }
            Detection detection = detect(channel);
            return detection.kind().decodable() ? Optional.empty()
                    : Optional.of(describeUnsupported(file, detection));
        } catch (IOException e) {
            return Optional.of(WavDecoder.readFailure(file, e).problem());
        }
    }

    /** The problem of a file with no bytes at all. */
    static final String EMPTY = "file is empty (0 bytes)";

    /** Reads the first bytes of the file {@code channel} reads, skipping ID3v2 tags, and tells the format. */
    static Detection detect(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer start = read(channel, 0, SIGNATURE_BYTES);
        Kind kind = kindOf(start);
        if (kind != Kind.MP3 || !startsWith(start, 0, "ID3")) {
            return new Detection(kind, 0, List.of(), "", start);
        }
        // One or more ID3v2 tags: a FLAC or MP3 stream follows them.
        List<String> tags = new ArrayList<>();
        long offset = 0;
        ByteBuffer at = start;
        while (startsWith(at, 0, "ID3") && tags.size() < MAX_ID3_TAGS) {
            if (at.limit() < ID3_HEADER_BYTES) {
                return new Detection(Kind.MP3, offset, tags, String.format(Locale.ROOT,
                        "the file ends inside the ID3 tag header at byte %d", offset), start);
            }
            long tagBytes = 0;
            for (int i = 6; i < ID3_HEADER_BYTES; i++) {
                int b = at.get(i) & 0xFF;
                if (b >= 0x80) {
                    return new Detection(Kind.MP3, offset, tags, String.format(Locale.ROOT,
                            "the ID3 tag at byte %d has a damaged size field", offset), start);
                }
                tagBytes = tagBytes << 7 | b;
            }
            boolean footer = (at.get(5) & 0x10) != 0;
            long end = offset + ID3_HEADER_BYTES + tagBytes + (footer ? ID3_HEADER_BYTES : 0);
            tags.add("ID3v2");
            if (end > size) {
                return new Detection(Kind.MP3, offset, tags, String.format(Locale.ROOT,
                        "the ID3 tag at byte %d claims %d bytes but the file holds only %d after it", offset,
                        end - offset, size - offset), start);
            }
            offset = end;
            at = read(channel, offset, SIGNATURE_BYTES);
        }
        if (startsWith(at, 0, "ID3")) {
            return new Detection(Kind.MP3, offset, tags, "more than " + MAX_ID3_TAGS + " ID3 tags before the audio;"
                    + " not a usable MP3 file", start);
        }
        Kind after = startsWith(at, 0, "fLaC") ? Kind.FLAC : Kind.MP3;
        return new Detection(after, offset, List.copyOf(tags), "", start);
    }

    /** The format whose signature {@code start} begins with. */
    static Kind kindOf(ByteBuffer start) {
        int length = start.limit();
        if (startsWith(start, 0, "RIFF") || startsWith(start, 0, "RIFX") || startsWith(start, 0, "RF64")
                || startsWith(start, 0, "BW64")) {
            return Kind.WAV; // the WAV decoder reads RIFF/WAVE and names the variants it cannot read
        }
        if (startsWith(start, 0, "fLaC")) {
            return Kind.FLAC;
        }
        if (startsWith(start, 0, "ID3")) {
            return Kind.MP3;
        }
        if (length >= 2 && MpegHeader.isAdts(start.get(0), start.get(1))) {
            return Kind.AAC;
        }
        if (length >= 2 && MpegHeader.isSync(start.get(0), start.get(1))) {
            return Kind.MP3;
        }
        if (startsWith(start, 0, "OggS")) {
            return Kind.OGG;
        }
        if (startsWith(start, 4, "ftyp")) {
            return Kind.MP4;
        }
        if (startsWith(start, 0, "FORM") && (startsWith(start, 8, "AIFF") || startsWith(start, 8, "AIFC"))) {
            return Kind.AIFF;
        }
        if (startsWith(start, 0, "ADIF")) {
            return Kind.AAC;
        }
        if (length >= 4 && (start.getInt(0) == 0x3026B275)) {
            return Kind.WMA;
        }
        if (startsWith(start, 0, ".snd")) {
            return Kind.AU;
        }
        if (startsWith(start, 0, "#!AMR")) {
            return Kind.AMR;
        }
        if (startsWith(start, 0, "caff")) {
            return Kind.CAF;
        }
        if (length >= 4 && start.getInt(0) == 0x1A45DFA3) {
            return Kind.MATROSKA;
        }
        if (startsWith(start, 0, "wvpk")) {
            return Kind.WAVPACK;
        }
        if (startsWith(start, 0, "MAC ")) {
            return Kind.APE;
        }
        return Kind.UNKNOWN;
    }

    /**
     * Why a file of a format that cannot be decoded is refused: the format found, the formats that can be read and
     * a command that converts it, e.g. {@code Ogg audio (Vorbis, Opus or FLAC in Ogg), which cannot be decoded
     * (recordings must be WAV, FLAC or MP3); convert it to WAV or FLAC, for example: ffmpeg -i "a.ogg" "a.wav"}.
     */
    static String describeUnsupported(Path file, Detection detection) {
        String opening = detection.kind() == Kind.UNKNOWN
                ? "not a WAV, FLAC or MP3 file: unknown format (starts with " + FormatNames.showStart(detection.start()) + ")"
                : detection.kind().description() + ", which cannot be decoded (recordings must be WAV, FLAC or MP3)";
        return opening + "; " + conversionHint(file);
    }

    /** {@code convert it to WAV or FLAC, for example: ffmpeg -i "a.m4a" "a.wav"}. */
    static String conversionHint(Path file) {
        Path name = file.getFileName();
        String input = name == null ? file.toString() : name.toString();
        int dot = input.lastIndexOf('.');
        String stem = dot > 0 ? input.substring(0, dot) : input;
        String output = input.toLowerCase(Locale.ROOT).endsWith(".wav") ? stem + "-converted.wav" : stem + ".wav";
        return "convert it to WAV or FLAC, for example: ffmpeg -i \"" + input + "\" \"" + output + "\"";
    }

    /** Up to {@code length} bytes from {@code position} (fewer at the end of the file), big-endian. */
    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        int wanted = (int) Math.max(0, Math.min(length, channel.size() - position));
        ByteBuffer buffer = ByteBuffer.allocate(wanted).order(ByteOrder.BIG_ENDIAN);
        WavHeaderReader.readFully(channel, buffer, position);
        return buffer.flip();
    }

    static boolean startsWith(ByteBuffer buffer, int index, String signature) {
        if (buffer.limit() < index + signature.length()) {
            return false;
        }
        byte[] expected = signature.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < expected.length; i++) {
            if (buffer.get(index + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
