package org.auscult.audio;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Names for what a file is when it is not a WAV file, and for WAV format tags this decoder cannot decode. */
final class FormatNames {

    /**
     * A format's magic is at most four bytes; more would quote the file's content (a passwords file named like a
     * recording would show its first entry).
     */
    private static final int SHOWN_BYTES = 4;

    private FormatNames() {
    }

    /**
     * Why a file that does not start with "RIFF" is not a WAV file, naming the format it looks like when its first
     * bytes are a known signature.
     */
    static String describeForeignFile(ByteBuffer start) {
        int length = start.limit();
        String opening = "not a RIFF/WAVE file: starts with " + showStart(start);
        if (startsWith(start, "ID3")) {
            return opening + ", looks like an MP3 file (ID3 tag)";
        }
        if (length >= 2 && (start.get(0) & 0xFF) == 0xFF && (start.get(1) & 0xE0) == 0xE0) {
            return opening + ", looks like an MP3 file (MPEG audio frame sync)";
        }
        if (startsWith(start, "RIFX")) {
            return opening + ", a big-endian RIFX file; only little-endian RIFF WAV files can be decoded";
        }
        if (startsWith(start, "RF64") || startsWith(start, "BW64")) {
            return opening + ", a 64-bit RF64/BW64 WAV file, which is not supported";
        }
        if (startsWith(start, "fLaC")) {
            return opening + ", looks like a FLAC file";
        }
        if (startsWith(start, "OggS")) {
            return opening + ", looks like an Ogg (Vorbis or Opus) file";
        }
        if (startsWith(start, "FORM")) {
            return opening + ", looks like an AIFF file";
        }
        if (length >= 8 && WavHeaderReader.fourCc(start, 4).equals("ftyp")) {
            return opening + ", looks like an MP4/M4A file";
        }
        return opening;
    }

    /** "7 (mu-law)": a format tag with its registered name where it is a common one. */
    static String describeFormatTag(int tag) {
        String name = switch (tag) {
            case 0x0000 -> "unknown";
            case 0x0002 -> "Microsoft ADPCM";
            case 0x0006 -> "A-law";
            case 0x0007 -> "mu-law";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0050 -> "MPEG";
            case 0x0055 -> "MPEG layer 3 (MP3)";
            case 0x00FF, 0x1610 -> "AAC";
            case 0x0161, 0x0162, 0x0163 -> "Windows Media Audio";
            case 0xF1AC -> "FLAC";
            case WavFormat.WAVE_FORMAT_EXTENSIBLE -> "nested WAVE_FORMAT_EXTENSIBLE";
            default -> null;
        };
        return name == null ? String.format(Locale.ROOT, "%d (0x%04X)", tag, tag)
                : String.format(Locale.ROOT, "%d (%s)", tag, name);
    }

    private static boolean startsWith(ByteBuffer start, String signature) {
        if (start.limit() < signature.length()) {
            return false;
        }
        byte[] expected = signature.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < expected.length; i++) {
            if (start.get(i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first {@value #SHOWN_BYTES} bytes (a format's magic) as quoted text when they are printable ASCII, with
     * quote and backslash escaped, otherwise in hex.
     */
    static String showStart(ByteBuffer start) {
        int shown = Math.min(start.limit(), SHOWN_BYTES);
        boolean printable = shown > 0;
        for (int i = 0; i < shown; i++) {
            int b = start.get(i) & 0xFF;
            printable &= b >= 0x20 && b <= 0x7E;
        }
        StringBuilder text = new StringBuilder();
        if (printable) {
            text.append('\'');
            for (int i = 0; i < shown; i++) {
                char c = (char) (start.get(i) & 0xFF);
                text.append(c == '\'' || c == '\\' ? "\\" + c : String.valueOf(c));
            }
            return text.append('\'').toString();
        }
        text.append("bytes");
        for (int i = 0; i < shown; i++) {
            text.append(String.format(Locale.ROOT, " %02X", start.get(i) & 0xFF));
        }
        return text.toString();
    }
}
