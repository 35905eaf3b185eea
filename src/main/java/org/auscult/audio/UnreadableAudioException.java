package org.auscult.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A recording that cannot be decoded. The message always names the file and says what is wrong with it, in
 * words a user can act on ("data chunk is 0 bytes", "not a RIFF/WAVE file: starts with 'ID3'").
 */
public class UnreadableAudioException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public UnreadableAudioException(Path file, String problem) {
        this(file, problem, null);
    }

    public UnreadableAudioException(Path file, String problem, Throwable cause) {
        super((file == null ? "<stream>" : file.toString()) + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that could not be decoded, or null when decoding from a stream without a name. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
