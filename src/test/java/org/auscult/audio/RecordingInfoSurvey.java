package org.auscult.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Runs {@link RecordingInfo#of} over the shared recordings and prints the distribution of each measure and how
 * often each problem is reported: the numbers behind the thresholds in docs/decisions/recording-info.md.
 *
 * <p>Run with the test classpath: {@code java -cp target/test-classes:target/classes:<deps>
 * org.auscult.audio.RecordingInfoSurvey ../shared}
 */
public final class RecordingInfoSurvey {

    private RecordingInfoSurvey() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        List<Path> files = new ArrayList<>();
        for (String folder : new String[] {"data/pascal2011", "data/circor-samples"}) {
            files.addAll(SharedData.wavFiles(shared.resolve(folder)));
        }
        WavDecoder decoder = new WavDecoder();
        List<RecordingInfo> infos = new ArrayList<>();
        for (Path file : files) {
            infos.add(RecordingInfo.of(file, decoder.decode(file)));
        }
        System.out.printf(Locale.ROOT, "%d recordings%n", infos.size());
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %10s %10s %10s %10s %10s%n",
                "measure", "min", "1 %", "5 %", "median", "95 %", "99 %", "max");
        quantiles("duration (s)", infos, RecordingInfo::durationSeconds);
        quantiles("peak (dBFS)", infos, RecordingInfo::peakDbfs);
        quantiles("RMS (dBFS)", infos, RecordingInfo::rmsDbfs);
        quantiles("|DC offset|", infos, info -> Math.abs(info.dcOffset()));
        quantiles("clipped fraction", infos, RecordingInfo::clippedFraction);
        Map<String, Integer> problems = new TreeMap<>();
        for (RecordingInfo info : infos) {
            for (String problem : info.problems()) {
                problems.merge(problem.substring(0, problem.indexOf(':')), 1, Integer::sum);
            }
        }
        System.out.println("recordings with each problem: " + problems);
    }

    private static void quantiles(String name, List<RecordingInfo> infos, ToDoubleFunction<RecordingInfo> measure) {
        double[] values = infos.stream().mapToDouble(measure).sorted().toArray();
        double[] at = {0, 0.01, 0.05, 0.5, 0.95, 0.99, 1};
        System.out.printf(Locale.ROOT, "%-22s", name);
        Arrays.stream(at).forEach(q -> System.out.printf(Locale.ROOT, " %10.4g",
                values[(int) Math.round(q * (values.length - 1))]));
        System.out.println();
    }
}
