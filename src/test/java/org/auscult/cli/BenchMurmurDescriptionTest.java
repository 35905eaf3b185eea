package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.auscult.audio.WavWriter;
import org.auscult.cli.CommandLineTest.Run;
import org.auscult.segmentation.SegmentationTsv;
import org.auscult.segmentation.murmur.MurmurAttribute;
import org.auscult.segmentation.murmur.MurmurModel;
import org.auscult.segmentation.murmur.SyntheticMurmur;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMurmurDescriptionTest {

    @TempDir
    Path folder;

    /**
     * A CirCor-style folder of synthetic patients: half with noise in the first 40 % of every systole annotated
     * Early-systolic, half with noise across all of it annotated Holosystolic; the other attributes follow the same
     * split. Patient 10 is also patient 20 (an additional ID), and one patient has no murmur. Every recording has
     * its annotated segmentation beside it, which the cross-fitted segmenters learn from.
     */
    private void writePatients(int perClass) throws IOException {
        for (int i = 0; i < 2 * perClass; i++) {
            boolean early = i < perClass;
            String id = Integer.toString(10 + i);
            WavWriter.writePcm16(folder.resolve(id + "_MV.wav"), SyntheticMurmur.withNoise(0, early ? 0.4 : 1, 0.05,
                    false, i), WavWriter.Overwrite.REFUSE);
            SegmentationTsv.write(folder.resolve(id + "_MV.tsv"), SyntheticMurmur.segmentation().segments(), false);
            String attributes = String.format(Locale.ROOT, """
                    #Murmur: Present
                    #Murmur locations: MV
                    #Most audible location: MV
                    #Systolic murmur timing: %s
                    #Systolic murmur shape: %s
                    #Systolic murmur grading: %s
                    #Systolic murmur pitch: %s
                    #Diastolic murmur timing: nan
                    #Additional ID: %s
                    """, early ? "Early-systolic" : "Holosystolic", early ? "Decrescendo" : "Plateau",
                    early ? "I/VI" : "III/VI", early ? "Low" : "High", i == 0 ? "20.0" : "nan");
            Files.writeString(folder.resolve(id + ".txt"), id + " 1 4000\nMV " + id + "_MV.hea " + id + "_MV.wav "
                    + id + "_MV.tsv\n" + attributes);
        }
        WavWriter.writePcm16(folder.resolve("99_AV.wav"), SyntheticMurmur.clean(), WavWriter.Overwrite.REFUSE);
        SegmentationTsv.write(folder.resolve("99_AV.tsv"), SyntheticMurmur.segmentation().segments(), false);
        Files.writeString(folder.resolve("99.txt"), "99 1 4000\nAV 99_AV.hea 99_AV.wav 99_AV.tsv\n#Murmur: Absent\n"
                + "#Murmur locations: nan\n#Systolic murmur timing: nan\n");
    }

    @Test
    void measuresTheTimingOfSyntheticMurmursAndWritesTheParameters() throws IOException {
        writePatients(8);
        Path parameters = folder.resolve("murmur.properties");
        Run run = CommandLineTest.run("bench", "murmur-description", folder.toString(), "--folds", "4", "--repeats",
                "2", "--train", parameters.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("16 murmur patients of 17"), run.out());
        assertTrue(run.out().contains("segmentation cross-fitted"), run.out());
        Matcher timing = Pattern.compile("(?m)^timing\\s+(\\d+)\\s+(\\d+) \\|\\s+([0-9.]+)").matcher(run.out());
        assertTrue(timing.find(), run.out());
        assertEquals("16", timing.group(1));
        assertEquals("2", timing.group(2));
        assertTrue(Double.parseDouble(timing.group(3)) >= 0.8, run.out());
        assertTrue(run.out().contains("timing: annotation (rows) by prediction (columns), summed over 2 repeats"),
                run.out());
        MurmurModel model;
        try (InputStream in = Files.newInputStream(parameters)) {
            model = MurmurModel.read(in);
        }
        assertEquals("16", model.record().get("trained.patients"));
        assertEquals("cross-fitted", model.record().get("trained.segmentation"));
        assertEquals("2", model.record().get("scored.timing.repeats"));
        // eight patients a class are too few to measure anything by: nothing is shown
        assertTrue(model.attributes().stream().noneMatch(model::shows), run.out());
        assertTrue(model.attributes().contains(MurmurAttribute.TIMING));
    }

    @Test
    void anAttributeWithOneClassIsNamedAsNotMeasuredAndTheOthersAreMeasured() throws IOException {
        writePatients(8);
        try (var files = Files.list(folder)) {
            for (Path text : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
                Files.writeString(text, Files.readString(text).replace("III/VI", "I/VI"));
            }
        }
        Run run = CommandLineTest.run("bench", "murmur-description", folder.toString(), "--folds", "4", "--repeats",
                "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("grade not measured: grade: need two classes or more, the patients have [I/VI]"),
                run.out());
        assertTrue(Pattern.compile("(?m)^timing\\s+16\\s+2 \\|").matcher(run.out()).find(), run.out());
    }

    @Test
    void withoutAnnotatedSegmentationsTheCrossFitIsRefusedAndTheHandSetSegmenterStillMeasures() throws IOException {
        writePatients(8);
        try (var files = Files.list(folder)) {
            for (Path tsv : files.filter(f -> f.toString().endsWith(".tsv")).toList()) {
                Files.delete(tsv);
            }
        }
        Run refused = CommandLineTest.run("bench", "murmur-description", folder.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, refused.exitCode(), refused.out());
        assertTrue(refused.err().contains("no annotated recordings (.wav with .tsv) in " + folder), refused.err());
        assertTrue(refused.err().contains("--segmentation hand-set"), refused.err());

        Run handSet = CommandLineTest.run("bench", "murmur-description", folder.toString(), "--segmentation",
                "hand-set", "--folds", "4", "--repeats", "1");
        assertEquals(0, handSet.exitCode(), handSet.err());
        assertTrue(Pattern.compile("(?m)^timing\\s+16\\s+2 \\|").matcher(handSet.out()).find(), handSet.out());

        Run unknown = CommandLineTest.run("bench", "murmur-description", folder.toString(), "--segmentation", "magic");
        assertEquals(AuscultCommand.EXIT_USAGE, unknown.exitCode(), unknown.out());
        assertTrue(unknown.err().contains("--segmentation: expected cross-fitted, hand-set or annotated, got 'magic'"),
                unknown.err());
    }

    @Test
    void excludingEveryPatientLeavesNothingToMeasure() throws IOException {
        writePatients(2);
        Run run = CommandLineTest.run("bench", "murmur-description", folder.toString(), "--exclude-patients-of",
                folder.toString());
        assertEquals(AuscultCommand.EXIT_USAGE, run.exitCode(), run.out());
        assertTrue(run.err().contains("no patients with an annotated murmur"), run.err());
    }
}
