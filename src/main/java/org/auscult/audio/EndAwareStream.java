package org.auscult.audio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that remembers that it has reached its end (the FLAC decoder's end-of-frames test). */
final class EndAwareStream extends FilterInputStream {
    private boolean ended;

    EndAwareStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        ended |= b < 0;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        ended |= read < 0;
        return read;
    }

    boolean ended() {
        return ended;
    }
}
