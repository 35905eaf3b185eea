package org.auscult.app.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.auscult.capture.CaptureDevices;
import org.auscult.capture.CaptureSource;
import org.auscult.capture.ReplaySource;

/** The inputs Record mode offers: every capture device Java Sound sees, and a replay of a chosen recording. */
public final class RecordInputs {

    private RecordInputs() {
    }

    /** The folder recordings go to: the system property {@code auscult.recordings}, else ~/auscult-recordings. */
    public static Path defaultFolder() {
        String chosen = System.getProperty("auscult.recordings");
        return chosen != null ? Path.of(chosen) : Path.of(System.getProperty("user.home"), "auscult-recordings");
    }

    /**
     * Every capture device, then, when {@code replayable} is not null, that recording replayed in real time (to
     * try Record mode without a stethoscope).
     */
    public static List<RecordViewModel.Input> available(Path replayable) {
        List<RecordViewModel.Input> inputs = new ArrayList<>();
        for (CaptureDevices.Device device : CaptureDevices.list()) {
            inputs.add(new RecordViewModel.Input() {
                @Override
                public String name() {
                    return device.name() + " (" + String.join("; ", device.formats()) + ")";
                }

                @Override
                public CaptureSource open(int rate) throws IOException {
                    return CaptureDevices.open(device, rate);
                }
            });
        }
        if (replayable != null) {
            inputs.add(replay(replayable, 1));
        }
        return inputs;
    }

    /** {@code recording} replayed at {@code speed} times real time. */
    public static RecordViewModel.Input replay(Path recording, double speed) {
        return new RecordViewModel.Input() {
            @Override
            public String name() {
                return "Replay of " + recording.getFileName() + " (no stethoscope needed)";
            }

            @Override
            public CaptureSource open(int rate) throws IOException {
                return ReplaySource.of(recording, speed);
            }
        };
    }
}
