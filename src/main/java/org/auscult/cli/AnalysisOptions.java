package org.auscult.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.auscult.analysis.AnalysisConfig;
import org.auscult.io.BoundedTextReader;
import org.auscult.io.TextFileException;
import org.auscult.io.VisibleText;
import picocli.CommandLine.Option;

/** The analysis parameters every command that computes features accepts. */
final class AnalysisOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Analysis configuration as properties (e.g. the .properties file beside a CSV feature "
                    + "table); parameters not in it keep their defaults.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set one analysis parameter, e.g. --set analysis.rate=2000 --set feature.fmax=1000 --set feature.nMfcc=20. "
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
            Properties loaded = load(configFile);
            loaded.stringPropertyNames().forEach(key -> properties.put(key, loaded.getProperty(key)));
        }
        properties.putAll(settings);
        AnalysisConfig.requireKnownKeys(properties);
        AnalysisConfig config = AnalysisConfig.of(properties);
        int rate = config.conditioning().analysisRate();
        if (rate > 0) {
            // at a fixed rate, a mel band above its Nyquist frequency would fail on every recording: say so first
            config.features().melUpperFrequency(rate);
        }
        return config;
    }

    /**
     * The configuration file as text (UTF-8, a byte order mark as editors on Windows write it skipped), refused by
     * name when it is a folder or not text at all, a recording say, instead of reporting its bytes as parameters.
     */
    private static Properties load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--config " + file + ": is a folder; name a properties file "
                    + "(KEY=VALUE lines)");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("--config " + file + ": no such file");
        }
        Properties loaded = new Properties();
        try (BoundedTextReader reader = BoundedTextReader.open(file)) {
            loaded.load(reader);
        } catch (TextFileException notText) {
            throw new IllegalArgumentException(notAPropertiesFile(file, notText.problem() + " on line "
                    + notText.line()));
        }
        for (String key : loaded.stringPropertyNames()) {
            if (hasControlCharacter(key) || hasControlCharacter(loaded.getProperty(key))) {
                throw new IllegalArgumentException(notAPropertiesFile(file, "it holds control characters"));
            }
        }
        return loaded;
    }

    private static String notAPropertiesFile(Path file, String why) {
        return VisibleText.of("--config " + file + ": not a text properties file (" + why + "); name one with "
                + "KEY=VALUE lines, such as the .properties file beside a CSV feature table");
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
    }
}
