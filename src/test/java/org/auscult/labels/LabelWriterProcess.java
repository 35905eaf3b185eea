package org.auscult.labels;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A child process for the durability tests: adds events to one recording as fast as it can and prints each event's
 * id on its own line once its transaction has committed (so every printed id is an acknowledged edit).
 *
 * <p>Arguments: database file, recording file, number of edits (-1: until killed), labeller.
 */
public final class LabelWriterProcess {

    private LabelWriterProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path database = Path.of(args[0]);
        Path recording = Path.of(args[1]);
        long edits = Long.parseLong(args[2]);
        String labeller = args[3];
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        try (LabelStore store = LabelStore.open(database)) {
            LabelService service = new LabelService(store, labeller, Clock.systemUTC());
            RecordingRef ref = service.recording(recording);
            out.println("ready");
            for (long i = 0; edits < 0 || i < edits; i++) {
                double start = (i % 1000) * 0.01;
                LabelEvent event = service.addEvent(ref, i % 2 == 0 ? "S1" : "S2", start, start + (i % 3) * 0.005);
                out.println(event.id());
            }
        }
    }
}
