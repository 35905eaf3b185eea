package org.auscult.library;

import static org.auscult.library.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CirCor2022ReaderTest {

    private static final String HEADER = "\uFEFFPatient ID,Recording locations:,Age,Sex,Height,Weight,"
            + "Pregnancy status,Murmur,Murmur locations,Most audible location,Systolic murmur timing,"
            + "Systolic murmur shape,Systolic murmur grading,Systolic murmur pitch,Systolic murmur quality,"
            + "Diastolic murmur timing,Diastolic murmur shape,Diastolic murmur grading,Diastolic murmur pitch,"
            + "Diastolic murmur quality,Outcome,Campaign,Additional ID";

    private static String patient(String id, String recorded, String murmur, String murmurLocations,
                                  String additionalId) {
        return id + "," + recorded + ",Child,Female,98.0,15.9,False," + murmur + "," + murmurLocations
                + ",nan,nan,nan,nan,nan,nan,nan,nan,nan,nan,nan,Abnormal,CC2015," + additionalId;
    }

    @TempDir
    Path root;

    private final CollectionImporter importer = new CollectionImporter();

    @BeforeEach
    void writeCollection() {
        Fixtures.text(root.resolve("training_data.csv"),
                HEADER,
                patient("2530", "AV+PV+TV+MV", "Absent", "nan", "nan"),
                patient("4081", "\"AV+MV\"", "Present", "\"AV+MV\"", "nan"),
                patient("9979", "AV+PV+TV+MV+MV", "Present", "TV", "nan"),
                patient("13918", "PV", "Unknown", "nan", "50000"),
                patient("50000", "AV", "Absent", "nan", "13918"));
        Fixtures.wavs(root.resolve("training_data"),
                "2530_AV.wav", "2530_PV.wav", "2530_TV.wav", "2530_MV.wav",
                "4081_AV.wav", "4081_MV.wav",
                "9979_AV.wav", "9979_PV.wav", "9979_TV.wav", "9979_MV_1.wav", "9979_MV_2.wav",
                "13918_PV.wav", "50000_AV.wav");
        Fixtures.text(root.resolve("training_data/2530.txt"), "2530 4 4000");
    }

    @Test
    void murmurWhereAudibleNormalWhenAbsentOthersNotTrainedOn() throws IOException {
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(Layout.CIRCOR_2022, collection.layout());
        assertEquals(List.of(), collection.problems());
        assertEquals(13, collection.recordings().size());
        assertEquals(Map.of("murmur", 3, "normal", 5), collection.classCounts());
        assertEquals(Optional.of("normal"), byId(collection, "training_data/2530_PV").label());
        assertEquals(Optional.of("murmur"), byId(collection, "training_data/4081_AV").label());
        assertEquals(Optional.of("murmur"), byId(collection, "training_data/9979_TV").label());
        Recording inaudibleHere = byId(collection, "training_data/9979_AV");
        assertEquals(Optional.empty(), inaudibleHere.label(), "murmur present, but not at this location");
        assertEquals("Present", inaudibleHere.originalLabel());
        assertEquals(Optional.empty(), byId(collection, "training_data/9979_MV_2").label());
        assertEquals(Optional.empty(), byId(collection, "training_data/13918_PV").label(), "Unknown");
        assertEquals("MV", byId(collection, "training_data/9979_MV_2").metadata().get("location"));
        assertEquals("AV+MV", byId(collection, "training_data/4081_MV").metadata().get("Murmur locations"));
        collection.recordings().forEach(r -> assertEquals("circor", r.source()));
    }

    @Test
    void theGroupIsThePatientJoinedAcrossCampaigns() throws IOException {
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals("9979", byId(collection, "training_data/9979_MV_1").patient());
        assertEquals("13918", byId(collection, "training_data/13918_PV").patient());
        assertEquals("13918", byId(collection, "training_data/50000_AV").patient(),
                "Additional ID: the same child recorded in both campaigns is one group");
        assertEquals(Map.of("murmur", 2, "normal", 2), collection.patientCounts());
    }

    @Test
    void unknownMurmurIsAClassOnRequest() throws IOException {
        RecordingCollection collection = importer.importCollection(root,
                ImportOptions.defaults().withTrainOnUnknownCirCor(true));
        assertEquals(Map.of("murmur", 3, "normal", 5, "unknown", 1), collection.classCounts());
    }

    @Test
    void missingLocationsAndStrayFilesAreProblems() throws IOException {
        Path csv = root.resolve("training_data.csv");
        Files.delete(root.resolve("training_data/4081_MV.wav"));
        Fixtures.wavs(root.resolve("training_data"), "77777_AV.wav", "odd-name.wav");
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(List.of(
                        new ImportProblem(root.resolve("training_data/77777_AV.wav"), 0,
                                "patient 77777 is not in training_data.csv; kept unlabelled"),
                        new ImportProblem(root.resolve("training_data/odd-name.wav"), 0,
                                "not named <patient>_<location>[_<n>].wav; kept unlabelled"),
                        new ImportProblem(csv, 3, "listed but missing: " + root.resolve("training_data/4081_MV.wav"))),
                collection.problems());
        assertEquals(Optional.empty(), byId(collection, "training_data/77777_AV").label());
        assertEquals("77777", byId(collection, "training_data/77777_AV").patient());
    }

    @Test
    void aDuplicatePatientRowIsAProblem() throws IOException {
        Fixtures.text(root.resolve("training_data.csv"), HEADER,
                patient("2530", "AV+PV+TV+MV", "Absent", "nan", "nan"),
                patient("2530", "AV+PV+TV+MV", "Present", "AV", "nan"));
        for (String other : List.of("4081_AV", "4081_MV", "9979_AV", "9979_PV", "9979_TV", "9979_MV_1",
                "9979_MV_2", "13918_PV", "50000_AV")) {
            Files.delete(root.resolve("training_data/" + other + ".wav"));
        }
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(List.of(new ImportProblem(root.resolve("training_data.csv"), 3,
                "duplicate row for patient 2530, already on line 2; ignored")), collection.problems());
        assertEquals(Map.of("normal", 4), collection.classCounts());
    }

    @Test
    void aRowWithAMurmurOutsideTheVocabularyIsReportedAndSkippedItsPatientKeptUnlabelled() throws IOException {
        Path csv = Fixtures.text(root.resolve("training_data.csv"), HEADER,
                patient("2530", "AV+PV+TV+MV", "Absent", "nan", "nan"),
                patient("4081", "AV+MV", "Maybe", "AV+MV", "nan"),
                patient("9979", "AV+PV+TV+MV+MV", "Present", "TV", "nan"),
                patient("13918", "PV", "Unknown", "nan", "50000"),
                patient("50000", "AV", "Absent", "nan", "13918"));
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        String unlabelled = " is not on any row read from training_data.csv (some rows were skipped); kept unlabelled";
        assertEquals(List.of(
                        new ImportProblem(csv, 3,
                                "Murmur must be Present, Absent or Unknown, found 'Maybe'; row skipped"),
                        new ImportProblem(root.resolve("training_data/4081_AV.wav"), 0, "patient 4081" + unlabelled),
                        new ImportProblem(root.resolve("training_data/4081_MV.wav"), 0, "patient 4081" + unlabelled)),
                collection.problems());
        assertEquals(13, collection.recordings().size());
        assertEquals(Map.of("murmur", 1, "normal", 5), collection.classCounts(), "the other patients as before");
        assertEquals(Optional.empty(), byId(collection, "training_data/4081_AV").label());
        assertEquals("", byId(collection, "training_data/4081_AV").originalLabel());
    }

    @Test
    void aRowWithAnEmptyPatientIdIsReportedAndSkipped() throws IOException {
        Path csv = Fixtures.text(root.resolve("training_data.csv"), HEADER,
                patient("2530", "AV+PV+TV+MV", "Absent", "nan", "nan"),
                patient("4081", "\"AV+MV\"", "Present", "\"AV+MV\"", "nan"),
                patient("", "AV", "Absent", "nan", "nan"),
                patient("9979", "AV+PV+TV+MV+MV", "Present", "TV", "nan"),
                patient("13918", "PV", "Unknown", "nan", "50000"),
                patient("50000", "AV", "Absent", "nan", "13918"));
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(List.of(new ImportProblem(csv, 4, "empty Patient ID; row skipped")), collection.problems());
        assertEquals(Map.of("murmur", 3, "normal", 5), collection.classCounts());
    }

    @Test
    void aRowOfTheWrongWidthIsReportedAndSkippedItsPatientKeptUnlabelled() throws IOException {
        Path csv = Fixtures.text(root.resolve("training_data.csv"), HEADER,
                patient("2530", "AV+PV+TV+MV", "Absent", "nan", "nan"),
                patient("4081", "\"AV+MV\"", "Present", "\"AV+MV\"", "nan"),
                patient("9979", "AV+PV+TV+MV+MV", "Present", "TV", "nan"),
                patient("13918", "PV", "Unknown", "nan", "50000"),
                "50000,AV,Child,Absent");
        RecordingCollection collection = importer.importCollection(root, ImportOptions.defaults());
        assertEquals(List.of(new ImportProblem(csv, 6, "23 columns expected, found 4; row skipped"),
                        new ImportProblem(root.resolve("training_data/50000_AV.wav"), 0, "patient 50000 is not on any "
                                + "row read from training_data.csv (some rows were skipped); kept unlabelled")),
                collection.problems());
        assertEquals(Map.of("murmur", 3, "normal", 4), collection.classCounts());
        Recording skipped = byId(collection, "training_data/50000_AV");
        assertEquals(Optional.empty(), skipped.label());
        assertEquals("13918", skipped.patient(), "still grouped by the Additional ID of the row that was read");
    }

    @Test
    void aMissingMurmurColumnIsRefused() {
        Fixtures.text(root.resolve("training_data.csv"), "Patient ID,Murmur,Outcome", "2530,Absent,Normal");
        CollectionFormatException e = assertThrows(CollectionFormatException.class,
                () -> importer.importCollection(root, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains("no 'Murmur locations' column"), e.getMessage());
    }

    @Test
    void theSamplesFormLabelsEachLocation(@TempDir Path samples) throws IOException {
        Fixtures.wavs(samples, "36327_MV.wav", "68705_MV.wav", "11111_AV.wav");
        Fixtures.text(samples.resolve("labels.csv"),
                "path,patient_id,location,murmur,systolic_timing",
                "36327_MV.wav,36327,MV,present,Holosystolic",
                "68705_MV.wav,68705,MV,absent,nan",
                "11111_AV.wav,11111,AV,unknown,nan");
        RecordingCollection collection = importer.importCollection(samples, ImportOptions.defaults());
        assertEquals(Layout.CIRCOR_2022, collection.layout());
        assertEquals(Map.of("murmur", 1, "normal", 1), collection.classCounts());
        Recording murmur = byId(collection, "36327_MV");
        assertEquals("36327", murmur.patient());
        assertEquals("present", murmur.originalLabel());
        assertEquals("MV", murmur.metadata().get("location"));
        assertEquals("Holosystolic", murmur.metadata().get("systolic_timing"));
    }

    @Test
    void samplesRowsWithAnEmptyPathOrAMurmurOutsideTheVocabularyAreReportedAndSkipped(@TempDir Path samples)
            throws IOException {
        Fixtures.wavs(samples, "36327_MV.wav", "68705_MV.wav", "11111_AV.wav", "22222_PV.wav");
        Path csv = Fixtures.text(samples.resolve("labels.csv"),
                "path,patient_id,location,murmur",
                "36327_MV.wav,36327,MV,present",
                ",68705,MV,absent",
                "11111_AV.wav,11111,AV,maybe",
                "22222_PV.wav,22222,PV",
                "68705_MV.wav,68705,MV,absent");
        RecordingCollection collection = importer.importCollection(samples, ImportOptions.defaults());
        assertEquals(List.of(new ImportProblem(csv, 5, "4 columns expected, found 3; row skipped"),
                new ImportProblem(csv, 3, "empty path; row skipped"),
                new ImportProblem(csv, 4, "Murmur must be Present, Absent or Unknown, found 'maybe'; row skipped")),
                collection.problems());
        assertEquals(List.of("36327_MV", "68705_MV"), collection.recordings().stream().map(Recording::id).toList(),
                "a samples row is the only thing that lists its recording");
        assertEquals(Map.of("murmur", 1, "normal", 1), collection.classCounts());
    }

    @Test
    void theBundledSamplesImport() throws IOException {
        Path samples = Fixtures.sharedData("circor-samples");
        Assumptions.assumeTrue(Files.isRegularFile(samples.resolve("labels.csv")),
                "CirCor samples not found at " + samples.toAbsolutePath() + ": bundled-samples test skipped");
        RecordingCollection collection = importer.importCollection(samples, ImportOptions.defaults());
        assertEquals(Layout.CIRCOR_2022, collection.layout());
        assertEquals(List.of(), collection.problems());
        assertEquals(Map.of("murmur", 8, "normal", 8), collection.classCounts());
        assertEquals(Map.of("murmur", 8, "normal", 8), collection.patientCounts());
        collection.recordings().forEach(r -> assertEquals(r.patient(), r.id().substring(0, r.id().indexOf('_'))));
    }

    private Path patientFile(String name, String... lines) {
        Path file = root.resolve("training_data").resolve(name);
        Fixtures.text(file, lines);
        return file;
    }

    @Test
    void onePatientsFileOpensThatPatientsRecordingsLabelledAsTheTableLabelsThem() throws IOException {
        Path file = patientFile("9979.txt", "9979 5 4000",
                "AV 9979_AV.hea 9979_AV.wav 9979_AV.tsv", "PV 9979_PV.hea 9979_PV.wav 9979_PV.tsv",
                "TV 9979_TV.hea 9979_TV.wav 9979_TV.tsv", "MV 9979_MV_1.hea 9979_MV_1.wav 9979_MV_1.tsv",
                "MV 9979_MV_2.hea 9979_MV_2.wav 9979_MV_2.tsv",
                "#Age: Child", "#Murmur: Present", "#Murmur locations: TV", "#Additional ID: nan");
        assertEquals(Optional.of(Layout.CIRCOR_2022), CollectionImporter.detect(file));
        RecordingCollection collection = importer.importCollection(file, ImportOptions.defaults());
        assertEquals(List.of(), collection.problems());
        assertEquals(List.of("9979_AV", "9979_MV_1", "9979_MV_2", "9979_PV", "9979_TV"),
                collection.recordings().stream().map(Recording::id).sorted().toList());
        assertEquals(Map.of("murmur", 1), collection.classCounts(), "the murmur is audible at TV only");
        assertEquals(Optional.of("murmur"), byId(collection, "9979_TV").label());
        Recording av = byId(collection, "9979_AV");
        assertEquals("Present", av.originalLabel());
        assertEquals("AV", av.metadata().get("location"));
        assertEquals("Child", av.metadata().get("Age"));
        assertEquals("MV", byId(collection, "9979_MV_2").metadata().get("location"));
        collection.recordings().forEach(r -> assertEquals("9979", r.patient()));
    }

    @Test
    void aPatientFileJoinsItsAdditionalIdAsTheTableDoes() throws IOException {
        Path file = patientFile("50000.txt", "50000 1 4000", "AV 50000_AV.hea 50000_AV.wav 50000_AV.tsv",
                "#Murmur: Absent", "#Additional ID: 13918");
        RecordingCollection collection = importer.importCollection(file, ImportOptions.defaults());
        assertEquals("13918", byId(collection, "50000_AV").patient());
        assertEquals(Optional.of("normal"), byId(collection, "50000_AV").label());
    }

    @Test
    void aPatientFileWithAMurmurOutsideTheVocabularyKeepsItsRecordingsUnlabelled() throws IOException {
        Path file = patientFile("4081.txt", "4081 2 4000", "AV 4081_AV.hea 4081_AV.wav 4081_AV.tsv",
                "MV 4081_MV.hea 4081_MV.wav 4081_MV.tsv", "#Age: Child", "#Murmur: Maybe", "#Murmur locations: AV+MV");
        RecordingCollection collection = importer.importCollection(file, ImportOptions.defaults());
        assertEquals(List.of(new ImportProblem(file, 5, "Murmur must be Present, Absent or Unknown, found 'Maybe'; "
                + "the patient's recordings kept unlabelled")), collection.problems());
        assertEquals(List.of("4081_AV", "4081_MV"), collection.recordings().stream().map(Recording::id).toList());
        assertEquals(List.of(), collection.trainable());
        Recording av = byId(collection, "4081_AV");
        assertEquals("", av.originalLabel());
        assertEquals("Maybe", av.metadata().get("Murmur"), "what the file says is kept");
        assertEquals("4081", av.patient());
    }

    @Test
    void aPatientFileNamesOnlyFilesBesideItAndMissingOnesAreProblems() throws IOException {
        Path file = patientFile("2530.txt", "2530 3 4000", "AV 2530_AV.hea ../../secret.wav 2530_AV.tsv",
                "PV 2530_PV.hea 2530_PV.wav 2530_PV.tsv", "TV 2530_TV.hea 2530_XX.wav 2530_TV.tsv",
                "#Murmur: Absent");
        RecordingCollection collection = importer.importCollection(file, ImportOptions.defaults());
        assertEquals(List.of("2530_PV"), collection.recordings().stream().map(Recording::id).toList());
        assertEquals(2, collection.problems().size(), collection.problems().toString());
        assertTrue(collection.problems().get(0).reason().contains("'../../secret.wav' is not a file beside"),
                collection.problems().toString());
        assertTrue(collection.problems().get(1).reason().contains("listed but missing"),
                collection.problems().toString());
        assertEquals(2, collection.problems().get(0).line(), "the line of the file that names it");
    }

    @Test
    void otherTextFilesAreNotPatientFiles() {
        assertEquals(Optional.empty(), CollectionImporter.detect(patientFile("notes.txt", "2530 4 4000",
                "heard a murmur at MV")));
        assertEquals(Optional.empty(), CollectionImporter.detect(patientFile("short.txt", "2530 4 4000",
                "AV 2530_AV.hea 2530_AV.wav 2530_AV.tsv")), "fewer recording lines than the first line says");
        assertEquals(Optional.empty(), CollectionImporter.detect(patientFile("2530.dat", "2530 1 4000",
                "AV 2530_AV.hea 2530_AV.wav 2530_AV.tsv")));
        Path oversized = patientFile("long.txt", "2530 1 4000", "AV 2530_AV.hea 2530_AV.wav 2530_AV.tsv",
                "#Note: " + "x".repeat(100_000));
        assertEquals(Optional.empty(), CollectionImporter.detect(oversized), "a patient file is a few hundred bytes");
    }
}
