package org.auscult.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.auscult.analysis.AnalysisConfig;
import picocli.CommandLine.Option;

/** The analysis parameters every command that computes features accepts. */
final class AnalysisOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Analysis configuration as properties (e.g. the .properties file beside a CSV feature "
                    + "table); parameters not in it keep their defaults.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set one analysis parameter, e.g. --set analysis.rate=2000 --set feature.nMfcc=20. "
                    + "Keys: analysis.rate, bandpass.low, bandpass.high, bandpass.order (0 = no band-pass), and "
                    + "feature.<name> for frameSize, hopSize, window, center, padMode, nMfcc, nMels, fmin, fmax, "
                    + "topDb, rolloffPercent, nChroma, tuning, features, statistics, spectralNorm, cycleEmission "
                    + "(hand-set, trained or network: the emission of the segmentation behind the heart-cycle features).")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The defaults, overridden by the configuration file, overridden by each --set. */
    AnalysisConfig resolve() throws IOException {
        return resolve(AnalysisConfig.defaults().toProperties());
    }

    /** {@code base}, overridden by the configuration file, overridden by each --set. */
    AnalysisConfig resolve(Map<String, String> base) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(base);
        if (configFile != null) {
            Properties loaded = new Properties();
            try (InputStream in = Files.newInputStream(configFile)) {
                loaded.load(in);
            }
            loaded.stringPropertyNames().forEach(key -> properties.put(key, loaded.getProperty(key)));
        }
        properties.putAll(settings);
        AnalysisConfig.requireKnownKeys(properties);
        return AnalysisConfig.of(properties);
    }
}
