package org.auscult.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.auscult.learn.Murmur;

/**
 * One answer for a patient from the verdicts on the recordings made at the patient's auscultation sites. Clinicians
 * listen at several sites and a finding at any of them calls the patient back, so the answer reads each site's
 * follow-up answer ({@link Verdict#followUp()}: {@code p_f >= t} at the model's own operating point) and never the
 * average:
 * <pre>
 *   present  when any judged site needs follow-up
 *   absent   when every site is judged and none needs follow-up
 *   unknown  when no judged site needs follow-up but some site has no answer (it could not be judged, or the
 *            model has no follow-up threshold), so a finding there is not ruled out
 * </pre>
 * These are the PhysioNet/CinC Challenge 2022's three patient statuses ({@link Murmur}); "present" means that the
 * model finds a murmur or another finding that needs follow-up (extrasystole, extra sound, PhysioNet's abnormal).
 * {@code evaluate} scores this rule at patient level beside the most-probable-class rule
 * ({@link org.auscult.learn.PatientMurmurReport#byFollowUp}).
 *
 * @param status    the patient's answer
 * @param flagged   the sites (or recording names, where a recording names no site) that need follow-up
 * @param sites     the patient's recordings
 * @param unjudged  the recordings without a follow-up answer
 */
public record PatientAnswer(Murmur status, List<String> flagged, int sites, int unjudged) {

    /** One recording of the patient: its site (or name) and its verdict, null when it has none. */
    public record Site(String name, Verdict verdict) {
        public Site {
            Objects.requireNonNull(name, "name");
        }

        boolean answered() {
            return verdict != null && !verdict.followUp().isEmpty();
        }
    }

    public PatientAnswer {
        flagged = List.copyOf(flagged);
    }

    /** The answer for a patient recorded at {@code sites}; unknown for a patient without recordings. */
    public static PatientAnswer of(List<Site> sites) {
        List<String> flagged = new ArrayList<>();
        int unjudged = 0;
        for (Site site : sites) {
            if (!site.answered()) {
                unjudged++;
            } else if (site.verdict().followUp().equals("yes")) {
                flagged.add(site.name());
            }
        }
        Murmur status = !flagged.isEmpty() ? Murmur.PRESENT
                : unjudged == 0 && !sites.isEmpty() ? Murmur.ABSENT : Murmur.UNKNOWN;
        return new PatientAnswer(status, flagged, sites.size(), unjudged);
    }

    /**
     * For people: "Patient: needs follow-up (MV, TV).", "Patient: no follow-up needed at any of 4 sites.",
     * "Patient: unknown: no follow-up at 3 sites, 1 without an answer." or, when no recording has an answer (a model
     * without a follow-up threshold), "Patient: unknown: none of 4 recordings has a follow-up answer.".
     */
    public String describe() {
        return switch (status) {
            case PRESENT -> "Patient: needs follow-up (" + String.join(", ", flagged) + ").";
            case ABSENT -> sites == 1 ? "Patient: no follow-up needed at the one site."
                    : String.format(Locale.ROOT, "Patient: no follow-up needed at any of %d sites.", sites);
            case UNKNOWN -> sites == 0 ? "Patient: unknown: no recordings."
                    : unjudged == sites ? String.format(Locale.ROOT, "Patient: unknown: none of %d recording%s has a "
                    + "follow-up answer.", sites, sites == 1 ? "" : "s")
                    : String.format(Locale.ROOT, "Patient: unknown: no follow-up at %d site%s, %d without an answer.",
                    sites - unjudged, sites - unjudged == 1 ? "" : "s", unjudged);
        };
    }
}
