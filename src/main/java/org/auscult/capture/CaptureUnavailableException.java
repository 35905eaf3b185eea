package org.auscult.capture;

import java.io.IOException;

/** No input device, or the one chosen cannot be opened (busy, unplugged, no format it supports); says which. */
public final class CaptureUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public CaptureUnavailableException(String message) {
        super(message);
    }

    public CaptureUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
