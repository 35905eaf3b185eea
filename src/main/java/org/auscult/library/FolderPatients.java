package org.auscult.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.auscult.labels.Auscultation;

/**
 * Who was recorded, where only file names and folders can say (the folder-per-class and plain-folder layouts), by
 * {@link ImportOptions#folderPatients()}:
 * <ul>
 *   <li>a name Record mode wrote ({@code <patient>_<site>_<yyyyMMdd-HHmmss>}) is its patient's;</li>
 *   <li>a file named only by its site in a folder below its class folder or the root ({@code p7/MV.wav}) is the
 *       patient's its folder names ({@code p7}), as a patient's sites are often kept;</li>
 *   <li>with {@link ImportOptions.PatientNaming#PREFIX_BEFORE_UNDERSCORE}, a name's part before its first '_';</li>
 *   <li>otherwise each file is its own patient: its name, with the folders below its class folder or the root
 *       ({@code ward2/p1_apex}); two files of one name in different class folders ({@code normal/apex.wav},
 *       {@code murmur/apex.wav}) each take their path below the root instead, so that neither joins the other.</li>
 * </ul>
 */
public final class FolderPatients {

    private static final String SITES = String.join("|", Auscultation.SITES);
    /** The name Record mode gives a recording: {@code <patient>_<site>_<yyyyMMdd-HHmmss>}. */
    private static final Pattern RECORDED_NAME = Pattern.compile("(.+)_(?:" + SITES + ")_\\d{8}-\\d{6}");
    /** A file name that only names an auscultation site. */
    private static final Pattern SITE_NAME = Pattern.compile("(?i)" + SITES);

    private final Path root;
    private final ImportOptions options;
    private final List<Path> files = new ArrayList<>();
    private final List<String> patients = new ArrayList<>();
    private final List<Boolean> ownPatient = new ArrayList<>();

    /** @param root the collection's folder */
    FolderPatients(Path root, ImportOptions options) {
        this.root = root;
        this.options = options;
    }

    /**
     * The patient of a recording named on its own (not found in a collection), where its name says it: a name Record
     * mode wrote, or a file named only by its site, whose folder is the patient's ({@code p7/MV.wav} is {@code p7}'s);
     * "" otherwise. So {@code classify p7/MV.wav p7/AV.wav} answers for patient p7, as {@code classify p7} does.
     */
    public static String ofFileAlone(Path file) {
        String stem = CollectionBuilder.stem(file);
        Matcher recorded = RECORDED_NAME.matcher(stem);
        if (recorded.matches()) {
            return recorded.group(1);
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        return SITE_NAME.matcher(stem).matches() && folder != null && folder.getFileName() != null
                ? folder.getFileName().toString() : "";
    }

    /** Adds {@code wav}, found under {@code base} (its class folder, or the root). */
    void add(Path base, Path wav) {
        String stem = CollectionBuilder.stem(wav);
        Path below = wav.getParent() == null ? null : base.relativize(wav.getParent());
        String folder = below == null ? "" : below.toString().replace(below.getFileSystem().getSeparator(), "/");
        Matcher recorded = RECORDED_NAME.matcher(stem);
        int underscore = stem.indexOf('_');
        String patient;
        boolean own = false;
        if (recorded.matches()) {
            patient = recorded.group(1);
        } else if (SITE_NAME.matcher(stem).matches() && !folder.isEmpty()) {
            patient = folder;
        } else if (options.folderPatients() == ImportOptions.PatientNaming.PREFIX_BEFORE_UNDERSCORE
                && underscore > 0) {
            patient = stem.substring(0, underscore);
        } else {
            patient = folder.isEmpty() ? stem : folder + "/" + stem;
            own = true;
        }
        files.add(wav);
        patients.add(patient);
        ownPatient.add(own);
    }

    /** The patient of each file, in the order they were added. */
    List<String> patients() {
        Map<String, Integer> ownCounts = new HashMap<>();
        for (int i = 0; i < patients.size(); i++) {
            if (ownPatient.get(i)) {
                ownCounts.merge(patients.get(i), 1, Integer::sum);
            }
        }
        List<String> result = new ArrayList<>(patients);
        for (int i = 0; i < result.size(); i++) {
            if (ownPatient.get(i) && ownCounts.get(result.get(i)) > 1) {
                result.set(i, CollectionBuilder.idOf(root, files.get(i)));
            }
        }
        return result;
    }
}
