package org.auscult.segmentation.quality;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.auscult.audio.AudioClip;
import org.auscult.audio.AudioFiles;
import org.auscult.audio.RecordingDecoder;
import org.auscult.audio.UnreadableAudioException;
import org.auscult.segmentation.CardiacState;
import org.auscult.segmentation.HeartSoundSegmenter;
import org.auscult.segmentation.Segment;
import org.auscult.segmentation.SegmentationTsv;

/**
 * The recordings the quality model is trained and checked on, with the indices of each second and, where the
 * evidence gives one, its label.
 *
 * <ul>
 *   <li><b>CirCor layout</b> (a folder of {@code <patient>_<site>[_n].wav} with {@code .tsv} segmentations, and
 *       {@code training_data.csv} beside the folder or in it): a second is labelled usable (1) when at least half of
 *       it lies in an annotated span (state ≠ 0), otherwise 0. Annotators often segmented only part of a good
 *       recording, so a 0 here means "not annotated", not "bad"; the benchmark measures how separable these seconds
 *       are. Patients joined by an Additional ID form one group for cross-validation.</li>
 *   <li><b>PASCAL 2011</b> ({@code labels.csv}): the {@code artifact} recordings, every second labelled 0 (each
 *       recording its own group: set A gives no patient), and the {@code noisynormal} / {@code noisymurmur} ones,
 *       unlabelled, for checking only.</li>
 * </ul>
 * Each recording also carries the recording-level quality index of {@link HeartSoundSegmenter} (today's "unsure"
 * rule), so that the benchmark can compare the two rules on the same recordings. Computing the indices of a few
 * thousand recordings takes minutes; {@link #load} keeps them in a cache file.
 */
public final class QualityEvidence {

    public static final String CIRCOR = "circor";
    public static final String PASCAL_ARTIFACT = "pascal-artifact";
    public static final String PASCAL_NOISY = "pascal-noisy";
    public static final String SAMPLES = "samples";

    /**
     * One recording's evidence.
     *
     * @param source          where it comes from ({@link #CIRCOR}, {@link #PASCAL_ARTIFACT}, ...)
     * @param name            its file name without extension (with the set folder for PASCAL)
     * @param group           the cross-validation group (the patient)
     * @param durationSeconds its length
     * @param oldQuality      {@code SignalQuality}'s recording-level index Q
     * @param indices         the {@link QualityIndices} of each whole second
     * @param labels          per second: 1 usable, 0 unusable (or not annotated), −1 no label
     */
    public record Recording(String source, String name, String group, double durationSeconds, double oldQuality,
                            double[][] indices, int[] labels) {

        public boolean labelled() {
            return Arrays.stream(labels).anyMatch(l -> l >= 0);
        }
    }

    /** Where the recordings of one source are and how each is labelled. */
    private record Job(String source, String name, String group, Path wav, Optional<Path> tsv, int fixedLabel) {
    }

    private QualityEvidence() {
    }

    /**
     * The recordings of a CirCor-style folder that have a {@code .tsv} beside them (source {@code source}).
     */
    public static List<Recording> circor(Path folder, String source, Optional<Path> cache, int threads)
            throws IOException {
        Map<String, String> groups = patientGroups(folder);
        List<Job> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path wav : files.filter(AudioFiles::isRecordingFile).sorted().toList()) {
                String name = AudioFiles.stripExtension(wav.getFileName().toString());
                Path tsv = wav.resolveSibling(name + ".tsv");
                if (!Files.isRegularFile(tsv)) {
                    continue;
                }
                String patient = name.split("_")[0];
                jobs.add(new Job(source, name, groups.getOrDefault(patient, patient), wav, Optional.of(tsv), -1));
            }
        }
        return load(jobs, cache, threads);
    }

    /** PASCAL 2011's artifact recordings (every second 0) and its noisy-labelled ones (no label). */
    public static List<Recording> pascal(Path folder, Optional<Path> cache, int threads) throws IOException {
        List<Job> jobs = new ArrayList<>();
        List<String> lines = Files.readAllLines(folder.resolve("labels.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String path = f[0];
            String label = f[2];
            String sublabel = f[3];
            String name = path.replaceFirst("\\.wav$", "");
            if (label.equals("artifact")) {
                jobs.add(new Job(PASCAL_ARTIFACT, name, "pascal:" + name, folder.resolve(path), Optional.empty(), 0));
            } else if (sublabel.startsWith("noisy")) {
                jobs.add(new Job(PASCAL_NOISY, name, "pascal:" + name, folder.resolve(path), Optional.empty(), -1));
            }
        }
        return load(jobs, cache, threads);
    }

    /** Every recording under {@code folder} (recursively), unlabelled, each its own group: for checking only. */
    public static List<Recording> unlabelled(Path folder, String source, Optional<Path> cache, int threads)
            throws IOException {
        List<Job> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path wav : files.filter(AudioFiles::isRecordingFile).sorted().toList()) {
                String name = AudioFiles.stripExtension(folder.relativize(wav).toString());
                jobs.add(new Job(source, name, source + ":" + name, wav, Optional.empty(), -1));
            }
        }
        return load(jobs, cache, threads);
    }

    /**
     * Patient groups of a CirCor folder: {@code training_data.csv} in the folder or its parent joins each patient with
     * its Additional ID; a group is named by the smaller number. Empty when there is no such file.
     */
    public static Map<String, String> patientGroups(Path folder) throws IOException {
        Path table = Stream.of(folder.resolve("training_data.csv"),
                        folder.toAbsolutePath().getParent() == null ? folder.resolve("training_data.csv")
                                : folder.toAbsolutePath().getParent().resolve("training_data.csv"))
                .filter(Files::isRegularFile).findFirst().orElse(null);
        Map<String, String> parent = new HashMap<>();
        if (table == null) {
            return parent;
        }
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        int additional = Arrays.asList(header).indexOf("Additional ID");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String id = f[0].trim();
            parent.putIfAbsent(id, id);
            if (additional >= 0 && additional < f.length) {
                String other = f[additional].trim();
                if (!other.isEmpty() && !other.equalsIgnoreCase("nan")) {
                    other = other.replaceFirst("\\.0$", "");
                    parent.putIfAbsent(other, other);
                    String a = root(parent, id);
                    String b = root(parent, other);
                    if (!a.equals(b)) {
                        if (Long.parseLong(a) < Long.parseLong(b)) {
                            parent.put(b, a);
                        } else {
                            parent.put(a, b);
                        }
                    }
                }
            }
        }
        Map<String, String> groups = new HashMap<>();
        parent.keySet().forEach(id -> groups.put(id, root(parent, id)));
        return groups;
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    /** Per-second labels from a CirCor segmentation: 1 where at least half the second is annotated. */
    static int[] labels(List<Segment> segments, int seconds) {
        double[] annotated = new double[seconds];
        for (Segment s : segments) {
            if (s.state() == CardiacState.UNANNOTATED) {
                continue;
            }
            for (int i = Math.max(0, (int) Math.floor(s.startSeconds())); i < seconds && i < s.endSeconds(); i++) {
                annotated[i] += Math.max(0, Math.min(i + 1, s.endSeconds()) - Math.max(i, s.startSeconds()));
            }
        }
        int[] labels = new int[seconds];
        Arrays.setAll(labels, i -> annotated[i] >= 0.5 ? 1 : 0);
        return labels;
    }

    private static List<Recording> load(List<Job> jobs, Optional<Path> cache, int threads) throws IOException {
        Map<String, Recording> cached = new LinkedHashMap<>();
        if (cache.isPresent() && Files.isRegularFile(cache.get())) {
            try (BufferedReader reader = Files.newBufferedReader(cache.get(), StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    Recording r = parse(line);
                    cached.put(r.source() + "/" + r.name(), r);
                }
            }
        }
        List<Recording> out = new ArrayList<>();
        List<Job> missing = jobs.stream().filter(j -> !cached.containsKey(j.source() + "/" + j.name()))
                .collect(Collectors.toList());
        Map<String, Recording> computed = new HashMap<>();
        if (!missing.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try {
                List<Future<Optional<Recording>>> futures = new ArrayList<>();
                missing.forEach(job -> futures.add(pool.submit(() -> compute(job))));
                for (Future<Optional<Recording>> f : futures) {
                    f.get().ifPresent(r -> computed.put(r.source() + "/" + r.name(), r));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            } finally {
                pool.shutdown();
            }
            if (cache.isPresent()) {
                if (cache.get().toAbsolutePath().getParent() != null) {
                    Files.createDirectories(cache.get().toAbsolutePath().getParent());
                }
                try (BufferedWriter writer = Files.newBufferedWriter(cache.get(), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                    for (Recording r : computed.values()) {
                        writer.write(format(r));
                        writer.newLine();
                    }
                }
            }
        }
        for (Job job : jobs) {
            String key = job.source() + "/" + job.name();
            Recording r = cached.containsKey(key) ? cached.get(key) : computed.get(key);
            if (r != null) {
                out.add(new Recording(r.source(), r.name(), job.group(), r.durationSeconds(), r.oldQuality(),
                        r.indices(), r.labels()));
            }
        }
        return out;
    }

    private static Optional<Recording> compute(Job job) throws IOException {
        AudioClip clip;
        try {
            clip = new RecordingDecoder().decode(job.wav()).clip();
        } catch (UnreadableAudioException e) {
            return Optional.empty();
        }
        double[][] indices = QualityIndices.of(clip);
        int[] labels;
        if (job.tsv().isPresent()) {
            labels = labels(SegmentationTsv.read(job.tsv().get()), indices.length);
        } else {
            labels = new int[indices.length];
            Arrays.fill(labels, job.fixedLabel());
        }
        double oldQuality = new HeartSoundSegmenter().segment(clip).qualityIndex();
        return Optional.of(new Recording(job.source(), job.name(), job.group(), clip.durationSeconds(), oldQuality,
                indices, labels));
    }

    static String format(Recording r) {
        StringBuilder b = new StringBuilder();
        b.append(r.source()).append('\t').append(r.name()).append('\t').append(r.group()).append('\t')
                .append(String.format(Locale.ROOT, "%.6f\t%.6f\t", r.durationSeconds(), r.oldQuality()));
        b.append(Arrays.stream(r.labels()).mapToObj(Integer::toString).collect(Collectors.joining(",")));
        b.append('\t');
        b.append(Arrays.stream(r.indices()).map(row -> Arrays.stream(row)
                .mapToObj(v -> String.format(Locale.ROOT, "%.6g", v)).collect(Collectors.joining(",")))
                .collect(Collectors.joining(";")));
        return b.toString();
    }

    static Recording parse(String line) {
        String[] f = line.split("\t", -1);
        int[] labels = f[5].isEmpty() ? new int[0] : Arrays.stream(f[5].split(",")).mapToInt(Integer::parseInt).toArray();
        double[][] indices = f[6].isEmpty() ? new double[0][] : Arrays.stream(f[6].split(";"))
                .map(row -> Arrays.stream(row.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        return new Recording(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]), indices, labels);
    }
}
