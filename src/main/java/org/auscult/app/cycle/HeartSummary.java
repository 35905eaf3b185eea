package org.auscult.app.cycle;

import java.util.Locale;
import org.auscult.segmentation.Rhythm;
import org.auscult.segmentation.Segmentation;
import org.auscult.segmentation.SignalQuality;
import org.auscult.segmentation.quality.QualityMap;

/**
 * What the verdict panel says about the heart cycle: heart rate, rhythm (RR spread, RMSSD, premature beats) and the
 * signal-quality index, and whether the quality is too low to judge the recording at all.
 *
 * @param heartRate "72 bpm (11 beats, your annotation)"
 * @param rhythm    "RR 0.83 ± 0.02 s, RMSSD 21 ms, no premature beat"
 * @param quality   "signal quality 0.63 (threshold 0.20)"
 * @param unsure    true when too few seconds are usable heart sound ({@link QualityMap#judgeable()}), or, where
 *                  the per-second quality is not known, when the quality index is below
 *                  {@link SignalQuality#UNSURE_BELOW}
 * @param banner    what the banner says when unsure: the reason and what to do
 */
public record HeartSummary(String heartRate, String rhythm, String quality, boolean unsure, String banner) {

    /** The banner shown over the verdict when {@link #unsure()}. */
    public static final String UNSURE_TEXT = "unsure: signal quality too low to judge";

    /** Nothing measured yet. */
    public static final HeartSummary NONE = new HeartSummary("", "", "", false, UNSURE_TEXT);

    /** The summary of the cycle on screen, judged by the quality index alone. */
    public static HeartSummary of(ShownCycle shown) {
        return of(shown, null);
    }

    /**
     * The summary of the cycle on screen; "unsure" comes from {@code seconds}, which seconds are usable, when it is
     * known: a few bad seconds do not condemn a recording, and the banner says why and what to do.
     */
    public static HeartSummary of(ShownCycle shown, QualityMap seconds) {
        Segmentation segmentation = shown.segmentation();
        if (segmentation == null) {
            return NONE;
        }
        int beats = segmentation.beatTimes().length;
        String heartRate = Double.isFinite(segmentation.heartRateBpm())
                ? String.format(Locale.ROOT, "Heart rate %.0f bpm (%d beats, %s)", segmentation.heartRateBpm(),
                beats, shown.source().description())
                : String.format(Locale.ROOT, "Heart rate unknown (%d beats, %s)", beats, shown.source().description());
        Rhythm rhythm = segmentation.rhythm();
        String rhythmText;
        if (rhythm.rrIntervals().length == 0) {
            rhythmText = "Rhythm: too few beats to measure";
        } else {
            String premature = rhythm.prematureBeats() == 0 ? "no premature beat"
                    : rhythm.prematureBeats() == 1 ? "1 premature beat" : rhythm.prematureBeats() + " premature beats";
            String shortest = Double.isNaN(rhythm.minPrematureRatio()) ? ""
                    : String.format(Locale.ROOT, " (shortest RR %.2f of its neighbours)", rhythm.minPrematureRatio());
            String rmssd = Double.isNaN(rhythm.rmssd()) ? ""
                    : String.format(Locale.ROOT, ", RMSSD %.0f ms", 1000 * rhythm.rmssd());
            rhythmText = String.format(Locale.ROOT, "RR %.2f ± %.2f s%s, %s%s", rhythm.meanRr(), rhythm.sdRr(),
                    rmssd, premature, shortest);
        }
        double q = segmentation.qualityIndex();
        if (seconds != null) {
            String usable = String.format(Locale.ROOT, "%d of %d s usable heart sound; quality index %.2f",
                    seconds.usableSeconds(), seconds.kinds().size(), q);
            return new HeartSummary(heartRate, rhythmText, usable, !seconds.judgeable(),
                    seconds.reason().map(r -> "unsure: " + r.label() + "; " + r.advice()).orElse(UNSURE_TEXT));
        }
        String quality = Double.isNaN(q) ? "Signal quality unknown"
                : String.format(Locale.ROOT, "Signal quality %.2f (unsure below %.2f)", q, SignalQuality.UNSURE_BELOW);
        return new HeartSummary(heartRate, rhythmText, quality, SignalQuality.isUnsure(q), UNSURE_TEXT);
    }
}
