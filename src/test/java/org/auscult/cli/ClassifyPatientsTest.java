package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify} on a collection whose recordings name their patients: one answer per patient, follow-up when any
 * of the patient's recordings needs it, the window's rule (PatientAnswer).
 */
class ClassifyPatientsTest {

    @TempDir
    Path folder;

    @Test
    void aFolderOfPatientsFoldersOfSiteNamedFilesGivesOneAnswerPerPatient() throws Exception {
        Path samples = CommandLineTest.SAMPLES;
        Files.createDirectories(folder.resolve("p1"));
        Files.createDirectories(folder.resolve("p2"));
        Files.copy(samples.resolve("85198_PV.wav"), folder.resolve("p1/AV.wav"));
        Files.copy(samples.resolve("69161_TV.wav"), folder.resolve("p1/MV.wav"));
        Files.copy(samples.resolve("40058_PV.wav"), folder.resolve("p2/MV.wav"));
        CommandLineTest.Run classify = CommandLineTest.run("classify", folder.toString(), "--layout", "plain-folder");
        assertEquals(AuscultCommand.EXIT_OK, classify.exitCode(), classify.err());
        String out = classify.out();
        assertTrue(out.contains("Patients (follow-up when any of the patient's recordings needs it):\np1  "), out);
        assertTrue(out.contains("\np2  "), "p1/MV and p2/MV are two patients, not one called MV: " + out);
        assertFalse(out.contains("\nMV  "), out);

        // the same files named one by one answer for the same patients
        CommandLineTest.Run named = CommandLineTest.run("classify", folder.resolve("p1/AV.wav").toString(),
                folder.resolve("p1/MV.wav").toString(), folder.resolve("p2/MV.wav").toString());
        assertEquals(AuscultCommand.EXIT_OK, named.exitCode(), named.err());
        assertTrue(named.out().contains("Patients (follow-up when any of the patient's recordings needs it):\np1  "),
                named.out());
        assertTrue(out.contains("\np1  needs follow-up (") && named.out().contains("\np1  needs follow-up ("),
                out + named.out());
        assertTrue(out.contains("\np2  no follow-up needed at the one site.")
                && named.out().contains("\np2  no follow-up needed at the one site."), out + named.out());
    }

    @Test
    void theSameNameInTwoClassFoldersIsTwoPatientsEachWithItsAnswer() throws Exception {
        Path collection = folder.resolve("collection");
        Files.createDirectories(collection.resolve("murmur"));
        Files.createDirectories(collection.resolve("normal"));
        Files.copy(CommandLineTest.SAMPLES.resolve("36327_MV.wav"), collection.resolve("murmur/same.wav"));
        Files.copy(CommandLineTest.SAMPLES.resolve("40058_PV.wav"), collection.resolve("normal/same.wav"));
        Path patients = folder.resolve("patients.csv");

        CommandLineTest.Run classify = CommandLineTest.run("classify", collection.toString(), "--patients",
                patients.toString());

        assertEquals(AuscultCommand.EXIT_OK, classify.exitCode(), classify.err());
        List<String> rows = Files.readAllLines(patients);
        assertEquals(List.of("murmur/same", "normal/same"), rows.subList(1, rows.size()).stream()
                .map(row -> row.split(",")[0]).toList(), "a recording that is its own patient is still a patient");
    }

    @Test
    void everyPatientGetsTheAnswerItsRecordingsGive() throws Exception {
        Path samples = CommandLineTest.SAMPLES;
        Files.copy(samples.resolve("36327_MV.wav"), folder.resolve("1_MV.wav"));
        Files.copy(samples.resolve("84863_AV.wav"), folder.resolve("1_AV.wav"));
        Files.copy(samples.resolve("40058_PV.wav"), folder.resolve("2_PV.wav"));
        Files.write(folder.resolve("2_TV.wav"), new byte[] {'R', 'I', 'F', 'F', 0, 1, 2, 3});
        Files.write(folder.resolve("labels.csv"), List.of("path,patient_id,location,murmur",
                "1_MV.wav,1,MV,present", "1_AV.wav,1,AV,present", "2_PV.wav,2,PV,absent", "2_TV.wav,2,TV,absent"));
        Path csv = folder.resolve("out.csv");
        Path patients = folder.resolve("patients.csv");
        CommandLineTest.Run classify = CommandLineTest.run("classify", folder.toString(), "--csv", csv.toString(),
                "--patients", patients.toString());
        assertTrue(classify.err().contains("2_TV"), "the damaged recording is named: " + classify.err());
        Map<String, String> followUp = new HashMap<>();
        List<String> rows = Files.readAllLines(csv);
        int column = List.of(rows.get(0).split(",")).indexOf("follow_up");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            followUp.put(cells[0], cells[column]);
        }
        String one = followUp.get("1_AV").equals("yes") && followUp.get("1_MV").equals("yes")
                ? "needs follow-up (1_AV, 1_MV)." : followUp.get("1_AV").equals("yes") ? "needs follow-up (1_AV)."
                : followUp.get("1_MV").equals("yes") ? "needs follow-up (1_MV)."
                : "no follow-up needed at any of 2 sites.";
        // patient 2's TV recording cannot be read: without a finding at PV, a finding there is not ruled out
        String two = followUp.get("2_PV").equals("yes") ? "needs follow-up (2_PV)."
                : "unknown: no follow-up at 1 site, 1 without an answer.";
        String out = classify.out();
        assertTrue(out.contains("Patients (follow-up when any of the patient's recordings needs it):\n1  " + one + "\n2  "
                + two + "\n"), out);
        String needing = Stream.of("1_AV", "1_MV").filter(id -> followUp.get(id).equals("yes"))
                .collect(Collectors.joining(" "));
        assertEquals(List.of("patient,follow_up,needing_follow_up,recordings,without_answer",
                "1," + (needing.isEmpty() ? "no" : "yes") + "," + needing + ",2,0",
                "2," + (followUp.get("2_PV").equals("yes") ? "yes,2_PV" : "unknown,") + ",2,1"),
                Files.readAllLines(patients));
        CommandLineTest.Run again = CommandLineTest.run("classify", folder.toString(), "--patients",
                patients.toString());
        assertEquals(2, again.exitCode(), "an existing --patients file is not replaced without --force");
    }

    @Test
    void oneCirCorPatientsFileIsClassifiedSiteBySiteWithThePatientsAnswer() throws Exception {
        Path samples = CommandLineTest.SAMPLES;
        Files.copy(samples.resolve("36327_MV.wav"), folder.resolve("7_MV.wav"));
        Files.copy(samples.resolve("40058_PV.wav"), folder.resolve("7_PV.wav"));
        Path patient = Files.write(folder.resolve("7.txt"), List.of("7 2 4000", "MV 7_MV.hea 7_MV.wav 7_MV.tsv",
                "PV 7_PV.hea 7_PV.wav 7_PV.tsv", "#Murmur: Present", "#Murmur locations: MV"));
        CommandLineTest.Run classify = CommandLineTest.run("classify", patient.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        assertTrue(classify.out().contains("\n7_MV ") && classify.out().contains("\n7_PV "), classify.out());
        assertTrue(classify.out().matches("(?s).*\nPatients \\(follow-up when any of the patient's recordings "
                + "needs it\\):\n7  (needs follow-up \\(7_\\w\\w(, 7_\\w\\w)?\\)|no follow-up needed at any of 2 "
                + "sites)\\.\n.*"), classify.out());
    }

    @Test
    void recordingsOfOnePatientEachGiveNoPatientLines() {
        CommandLineTest.Run classify = CommandLineTest.run("classify", CommandLineTest.SAMPLES.toString());
        assertEquals(0, classify.exitCode(), classify.err());
        assertFalse(classify.out().contains("Patients ("), classify.out());
    }
}
