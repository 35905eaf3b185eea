package org.auscult.capture;

import java.io.IOException;

/** Where live samples come from: mono floats at a fixed rate, full scale +-1. */
public interface CaptureSource extends AutoCloseable {

    /** Samples per second. */
    int sampleRate();

    /** A name for people: the device or the file. */
    String describe();

    /**
     * Blocks until samples are available and copies up to {@code buffer.length} of them into {@code buffer}.
     *
     * @return how many were copied; -1 when the source has ended (a replayed file at its end, a device that closed)
     */
    int read(float[] buffer) throws IOException;

    /** Frames the source lost since it was opened because they were not read in time; 0 when it cannot tell. */
    long droppedFrames();

    /** Stops capturing; a blocked {@link #read} returns -1. */
    @Override
    void close();
}
