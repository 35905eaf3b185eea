package org.auscult.analysis;

import java.util.List;

/**
 * How a long recording changes over time, window by window ({@link RecordingWindows}): the heart rate of each window
 * and signal quality (from the same segmentation its cycle features used), and the class the model gave it. The workstation draws it as a trend lane; a clinician sees
 * at a glance when the rate climbed or the stethoscope slipped.
 *
 * @param windows the windows in time order
 */
public record HeartTrend(List<Window> windows) {

    /**
     * One window.
     *
     * @param startSeconds   where it starts in the recording
     * @param endSeconds     where it ends
     * @param heartRateBpm   its heart rate, beats per minute
     * @param qualityIndex   its signal-quality index, 0 (no periodic heart sounds) to 1
     *                       ({@code org.auscult.segmentation.SignalQuality}; below 0.20 a recording is unsure)
     * @param predicted      the model's class for it, "" when it was silent and not judged
     */
    public record Window(double startSeconds, double endSeconds, double heartRateBpm, double qualityIndex,
                         String predicted) {
    }

    public HeartTrend {
        windows = List.copyOf(windows);
    }
}
