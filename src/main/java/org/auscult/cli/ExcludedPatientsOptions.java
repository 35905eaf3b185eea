package org.auscult.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.auscult.audio.AudioFiles;
import org.auscult.segmentation.SegmentationTraining;
import picocli.CommandLine.Option;

/** {@code --exclude-patients} and {@code --exclude-patients-of}: the patients a segmentation or murmur run leaves out. */
final class ExcludedPatientsOptions {

    @Option(names = "--exclude-patients", paramLabel = "FILE",
            description = "Leave out the patients listed there, one ID a line.")
    List<Path> lists = new ArrayList<>();

    @Option(names = "--exclude-patients-of", paramLabel = "DIR",
            description = "Leave out the patients of the recordings in DIR (e.g. the test samples).")
    List<Path> folders = new ArrayList<>();

    /** The IDs listed in the files, and the patient of every recording in the folders. */
    Set<String> patients() throws IOException {
        Set<String> excluded = new TreeSet<>();
        for (Path list : lists) {
            excluded.addAll(SegmentationTraining.readPatientList(list));
        }
        for (Path dir : folders) {
            try (var files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(AudioFiles::isRecordingName)
                        .map(n -> n.contains("_") ? n.substring(0, n.indexOf('_')) : AudioFiles.stripExtension(n))
                        .forEach(excluded::add);
            }
        }
        return excluded;
    }

    /** The annotated recordings of {@code folder} but the excluded patients', each one skipped named on {@code out}. */
    static List<SegmentationTraining.Recording> loadAnnotated(Path folder, Set<String> excluded, PrintWriter out)
            throws IOException {
        List<String> problems = new ArrayList<>();
        List<SegmentationTraining.Recording> recordings = SegmentationTraining.load(folder, excluded, problems);
        problems.forEach(p -> out.println("skipped " + p));
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("no annotated recordings (.wav with .tsv) in " + folder);
        }
        return recordings;
    }
}
