package org.auscult.library;

import static org.auscult.library.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A miniature Kaggle heartbeat-sounds folder with every naming quirk of the real one. */
class KagglePascalReaderTest {

    @TempDir
    Path root;

    private final CollectionImporter importer = new CollectionImporter();

    @BeforeEach
    void writeCollection() {
        Fixtures.wavs(root,
                "set_a/artifact__201012172012.wav",
                "set_a/murmur__201104021355.wav",
                "set_a/extrahls__201104021355.wav",       // same id as the murmur: the label words tell them apart
                "set_a/normal__201102081321.wav",
                "set_a/Aunlabelledtest__201012172010.wav", // listed as set_a/__201012172010.wav
                "set_a/Aunlabelledtest__201108222222.wav", // in no CSV
                "set_b/extrastole__151_1306779785624_B.wav",
                "set_b/normal__154_1306935608852_D.wav",
                "set_b/Bunlabelledtest__154_1306935608852_D.wav",
                "set_b/normal_noisynormal_159_1307018640315_A1.wav",
                "set_b/murmur_noisymurmur_162_1307101835989_B_1.wav",
                "set_b/murmur__162_1307101835989_B.wav",
                "set_b/extrasystole__170_1307970562729_A.wav", // label words differ from the row: matched by id
                "set_b/Bunlabelledtest__199_1308141111111_A.wav");
        Fixtures.text(root.resolve("set_a.csv"),
                "dataset,fname,label,sublabel",
                "a,set_a/artifact__201012172012.wav,artifact,",
                "a,set_a/murmur__201104021355.wav,murmur,",
                "a,set_a/extrahls__201104021355.wav,extrahls,",
                "a,set_a/normal__201102081321.wav,normal,",
                "a,set_a/__201012172010.wav,,",
                "a,set_a/normal__201199999999.wav,normal,");                       // line 7: no such file
        Fixtures.text(root.resolve("set_b.csv"),
                "dataset,fname,label,sublabel",
                "b,set_b/Btraining_extrastole_151_1306779785624_B.wav,extrastole,",
                "b,set_b/Btraining_normal_154_1306935608852_D.wav,normal,",
                "b,set_b/Bunlabelledtest_154_1306935608852_D.wav,,",
                "b,set_b/Btraining_normal_Btraining_noisynormal_159_1307018640315_A1.wav,normal,noisynormal",
                "b,set_b/Btraining_murmur_Btraining_noisymurmur_162_1307101835989_B_1.wav,murmur,noisymurmur",
                "b,set_b/Btraining_murmur_162_1307101835989_B.wav,murmur,",
                "b,set_b/Btraining_extrastole_170_1307970562729_A.wav,extrastole,",
                "b,set_b/Btraining_normal_154_1306935608852_D.wav,normal,");        // line 9: duplicate of line 3
    }

    private RecordingCollection importFolder(ImportOptions options) throws IOException {
        return importer.importCollection(root, options);
    }

    @Test
    void everyFileOnDiskIsImportedOnceWithItsRowsLabel() throws IOException {
        RecordingCollection collection = importFolder(ImportOptions.defaults());
        assertEquals(Layout.KAGGLE_PASCAL, collection.layout());
        assertEquals(14, collection.recordings().size());
        assertEquals(Map.of("artifact", 1, "extrahls", 1, "extrastole", 2, "murmur", 3, "normal", 3),
                collection.classCounts());
        assertEquals(10, collection.trainable().size());
        assertEquals(List.of("set_a/Aunlabelledtest__201012172010", "set_a/Aunlabelledtest__201108222222",
                        "set_b/Bunlabelledtest__154_1306935608852_D", "set_b/Bunlabelledtest__199_1308141111111_A"),
                collection.unlabelled().stream().map(Recording::id).toList());
        collection.recordings().forEach(r -> assertTrue(r.path().toFile().isFile(), r.path().toString()));
    }

    @Test
    void csvNamesAreMatchedToRealFilesByIdAndLabelWords() throws IOException {
        RecordingCollection collection = importFolder(ImportOptions.defaults());
        Recording murmur = byId(collection, "set_a/murmur__201104021355");
        Recording extrahls = byId(collection, "set_a/extrahls__201104021355");
        assertEquals(Optional.of("murmur"), murmur.label());
        assertEquals(Optional.of("extrahls"), extrahls.label());

        Recording normal = byId(collection, "set_b/normal__154_1306935608852_D");
        assertEquals(Optional.of("normal"), normal.label());
        assertEquals("set_b/Btraining_normal_154_1306935608852_D.wav", normal.metadata().get("fname"));
        Recording unlabelledTwin = byId(collection, "set_b/Bunlabelledtest__154_1306935608852_D");
        assertEquals(Optional.empty(), unlabelledTwin.label());
        assertEquals("set_b/Bunlabelledtest_154_1306935608852_D.wav", unlabelledTwin.metadata().get("fname"));

        Recording listedUnlabelled = byId(collection, "set_a/Aunlabelledtest__201012172010");
        assertEquals("set_a/__201012172010.wav", listedUnlabelled.metadata().get("fname"));
        assertFalse(listedUnlabelled.metadata().containsKey("note"));
        Recording notListed = byId(collection, "set_a/Aunlabelledtest__201108222222");
        assertEquals("not listed in any label file", notListed.metadata().get("note"));

        Recording byIdAlone = byId(collection, "set_b/extrasystole__170_1307970562729_A");
        assertEquals(Optional.of("extrastole"), byIdAlone.label(), "the row's label wins over the file name");
    }

    @Test
    void noisyLabelsMergeByDefaultAndStayApartOnRequest() throws IOException {
        Recording noisy = byId(importFolder(ImportOptions.defaults()), "set_b/normal_noisynormal_159_1307018640315_A1");
        assertEquals(Optional.of("normal"), noisy.label());
        assertEquals("noisynormal", noisy.originalLabel());
        assertEquals("noisynormal", noisy.metadata().get("sublabel"));

        RecordingCollection apart = importFolder(ImportOptions.defaults().withLabelMapping(Map.of()));
        assertEquals(Map.of("artifact", 1, "extrahls", 1, "extrastole", 2, "murmur", 2, "noisymurmur", 1,
                "noisynormal", 1, "normal", 2), apart.classCounts());
    }

    @Test
    void patientsAndSources() throws IOException {
        RecordingCollection collection = importFolder(ImportOptions.defaults());
        Map<String, Recording> byId = collection.recordings().stream()
                .collect(Collectors.toMap(Recording::id, Function.identity()));
        assertEquals("151", byId.get("set_b/extrastole__151_1306779785624_B").patient());
        assertEquals("162", byId.get("set_b/murmur__162_1307101835989_B").patient());
        assertEquals("162", byId.get("set_b/murmur_noisymurmur_162_1307101835989_B_1").patient());
        assertEquals("154", byId.get("set_b/Bunlabelledtest__154_1306935608852_D").patient());
        assertEquals("murmur__201104021355", byId.get("set_a/murmur__201104021355").patient(),
                "in set_a every file is its own patient");
        assertEquals("extrahls__201104021355", byId.get("set_a/extrahls__201104021355").patient());
        collection.recordings().forEach(r -> assertEquals(r.id().substring(0, 5), r.source()));
        assertEquals(List.of("set_a", "set_b"), List.copyOf(collection.sources()));
    }

    @Test
    void missingFilesAndDuplicateRowsAreProblemsNotFailures() throws IOException {
        List<ImportProblem> problems = importFolder(ImportOptions.defaults()).problems();
        assertEquals(2, problems.size(), problems.toString());
        ImportProblem missing = problems.get(0);
        assertEquals(root.resolve("set_a.csv"), missing.file());
        assertEquals(7, missing.line());
        assertTrue(missing.reason().startsWith("listed but missing: set_a/normal__201199999999.wav"),
                missing.reason());
        ImportProblem duplicate = problems.get(1);
        assertEquals(root.resolve("set_b.csv"), duplicate.file());
        assertEquals(9, duplicate.line());
        assertTrue(duplicate.reason().startsWith("duplicate row for ") && duplicate.reason().contains("line 3"),
                duplicate.reason());
    }

    @Test
    void oneKaggleCsvImportsOneSet() throws IOException {
        RecordingCollection setB = importer.importCollection(root.resolve("set_b.csv"), ImportOptions.defaults());
        assertEquals(8, setB.recordings().size());
        assertTrue(setB.recordings().stream().allMatch(r -> r.source().equals("set_b")));
        assertEquals(root, setB.root());
    }

    @Test
    void theIdOnlyFallbackNeverTakesAFileAnotherRowNamesExactly() throws IOException {
        Fixtures.wavs(root, "set_b/murmur__180_1308000000000_A.wav");
        Path csv = Fixtures.text(root.resolve("set_b.csv"),
                "dataset,fname,label,sublabel",
                "b,set_b/Btraining_extrastole_180_1308000000000_A.wav,extrastole,",
                "b,set_b/Btraining_murmur_180_1308000000000_A.wav,murmur,");
        RecordingCollection setB = importer.importCollection(csv, ImportOptions.defaults());
        assertEquals(Optional.of("murmur"), byId(setB, "set_b/murmur__180_1308000000000_A").label());
        assertEquals(1, setB.problems().size(), setB.problems().toString());
        assertEquals(2, setB.problems().get(0).line());
        assertTrue(setB.problems().get(0).reason().startsWith("listed but missing: "), setB.problems().toString());
    }

    @Test
    void bareFileNamesAreLookedUpInTheFolderNamedLikeTheCsv() throws IOException {
        Fixtures.text(root.resolve("set_a.csv"),
                "dataset,fname,label,sublabel",
                "a,artifact__201012172012.wav,artifact,",
                "a,__201012172010.wav,,");
        RecordingCollection setA = importer.importCollection(root.resolve("set_a.csv"), ImportOptions.defaults());
        assertEquals(List.of(), setA.problems());
        assertEquals(Optional.of("artifact"), byId(setA, "set_a/artifact__201012172012").label());
        assertEquals("__201012172010.wav", byId(setA, "set_a/Aunlabelledtest__201012172010").metadata().get("fname"));
        assertEquals(6, setA.recordings().size(), "the rest of set_a/ is kept as unlabelled");
    }

    @Test
    void checkedLabelsCsvGivesTheSameRecordings() throws IOException {
        // the checked table sits in a folder of its own here, so its paths point one level up
        Path labels = Fixtures.text(root.resolve("checked/labels.csv"),
                "path,dataset,label,sublabel,csv_fname",
                "../set_a/artifact__201012172012.wav,a,artifact,,set_a/artifact__201012172012.wav",
                "../set_a/murmur__201104021355.wav,a,murmur,,set_a/murmur__201104021355.wav",
                "../set_a/extrahls__201104021355.wav,a,extrahls,,set_a/extrahls__201104021355.wav",
                "../set_a/normal__201102081321.wav,a,normal,,set_a/normal__201102081321.wav",
                "../set_a/Aunlabelledtest__201012172010.wav,a,unlabelled,,set_a/__201012172010.wav",
                "../set_a/Aunlabelledtest__201108222222.wav,a,unlabelled,,",
                "../set_b/extrastole__151_1306779785624_B.wav,b,extrastole,,x",
                "../set_b/normal__154_1306935608852_D.wav,b,normal,,x",
                "../set_b/Bunlabelledtest__154_1306935608852_D.wav,b,unlabelled,,x",
                "../set_b/normal_noisynormal_159_1307018640315_A1.wav,b,normal,noisynormal,x",
                "../set_b/murmur_noisymurmur_162_1307101835989_B_1.wav,b,murmur,noisymurmur,x",
                "../set_b/murmur__162_1307101835989_B.wav,b,murmur,,x",
                "../set_b/extrasystole__170_1307970562729_A.wav,b,extrastole,,x",
                "../set_b/Bunlabelledtest__199_1308141111111_A.wav,b,unlabelled,,x");

        RecordingCollection fromChecked = importer.importCollection(labels, ImportOptions.defaults());
        RecordingCollection fromKaggle = importFolder(ImportOptions.defaults());
        assertEquals(Layout.KAGGLE_PASCAL, fromChecked.layout());
        assertEquals(List.of(), fromChecked.problems());
        assertEquals(fromKaggle.recordings().stream().map(KagglePascalReaderTest::essentials).toList(),
                fromChecked.recordings().stream().map(KagglePascalReaderTest::essentials).toList());
        assertEquals("set_a/__201012172010.wav",
                fromChecked.recordings().stream().filter(r -> r.path().endsWith("Aunlabelledtest__201012172010.wav"))
                        .findFirst().orElseThrow().metadata().get("csv_fname"));
    }

    private static List<Object> essentials(Recording r) {
        return List.of(r.path(), r.label(), r.originalLabel(), r.patient(), r.source());
    }

    @Test
    void aKaggleRowOfTheWrongWidthIsReportedWithItsLineAndSkipped() throws IOException {
        Path csv = Fixtures.text(root.resolve("set_a.csv"),
                "dataset,fname,label,sublabel",
                "a,set_a/artifact__201012172012.wav,artifact,",
                "a,set_a/murmur__201104021355.wav",
                "a,set_a/extrahls__201104021355.wav,extrahls,",
                "a,set_a/normal__201102081321.wav,normal,");
        RecordingCollection setA = importer.importCollection(csv, ImportOptions.defaults());
        assertEquals(List.of(new ImportProblem(csv, 3, "4 columns expected, found 2; row skipped")), setA.problems());
        assertEquals(Map.of("artifact", 1, "extrahls", 1, "normal", 1), setA.classCounts(),
                "the rows around it are imported");
        Recording skipped = byId(setA, "set_a/murmur__201104021355");
        assertEquals(Optional.empty(), skipped.label());
        assertEquals("not on any row read from the label files (some rows were skipped)",
                skipped.metadata().get("note"));
    }

    @Test
    void aKaggleRowWithAnEmptyFnameIsReportedWithItsLineAndSkipped() throws IOException {
        Path csv = Fixtures.text(root.resolve("set_b.csv"),
                "dataset,fname,label,sublabel",
                "b,set_b/Btraining_extrastole_151_1306779785624_B.wav,extrastole,",
                "b,,normal,",
                "b,set_b/Btraining_murmur_162_1307101835989_B.wav,murmur,");
        RecordingCollection collection = importFolder(ImportOptions.defaults());
        assertEquals(new ImportProblem(csv, 3, "empty fname; row skipped"), collection.problems().get(1),
                collection.problems().toString());
        assertEquals(2, collection.problems().size(), "set_a.csv's missing file, then this row: "
                + collection.problems());
        assertEquals(Optional.of("extrastole"), byId(collection, "set_b/extrastole__151_1306779785624_B").label());
        assertEquals(Optional.of("murmur"), byId(collection, "set_b/murmur__162_1307101835989_B").label());
        assertEquals(Optional.of("artifact"), byId(collection, "set_a/artifact__201012172012").label(),
                "the other CSV is read as before");
    }

    @Test
    void checkedLabelRowsWithAnEmptyPathOrTheWrongWidthAreReportedAndSkipped() throws IOException {
        Path labels = Fixtures.text(root.resolve("labels.csv"),
                "path,dataset,label,sublabel",
                "set_a/artifact__201012172012.wav,a,artifact,",
                ",a,murmur,",
                "set_a/normal__201102081321.wav,a,normal",
                "set_a/extrahls__201104021355.wav,a,extrahls,");
        RecordingCollection collection = importer.importCollection(labels, ImportOptions.defaults());
        assertEquals(Layout.KAGGLE_PASCAL, collection.layout());
        assertEquals(List.of(new ImportProblem(labels, 4, "4 columns expected, found 3; row skipped"),
                new ImportProblem(labels, 3, "empty path; row skipped")), collection.problems());
        assertEquals(Map.of("artifact", 1, "extrahls", 1), collection.classCounts());
        assertEquals(Optional.empty(), byId(collection, "set_a/normal__201102081321").label());
    }

    @Test
    void recordingNamesSplitIntoLabelWordsAndId() {
        assertEquals(new KagglePascalReader.RecordingName(List.of("normal", "noisynormal"), "159_1307018640315_A1"),
                KagglePascalReader.RecordingName.parse("Btraining_normal_Btraining_noisynormal_159_1307018640315_A1"));
        assertEquals(new KagglePascalReader.RecordingName(List.of(), "201012172010"),
                KagglePascalReader.RecordingName.parse("__201012172010"));
        assertEquals(new KagglePascalReader.RecordingName(List.of(), "101_1305030823364_A"),
                KagglePascalReader.RecordingName.parse("Bunlabelledtest__101_1305030823364_A"));
        assertEquals(new KagglePascalReader.RecordingName(List.of("murmur", "noisymurmur"), "162_1307101835989_B_1"),
                KagglePascalReader.RecordingName.parse("murmur_noisymurmur_162_1307101835989_B_1"));
        assertEquals(new KagglePascalReader.RecordingName(List.of(), "no_digits"),
                KagglePascalReader.RecordingName.parse("no_digits"));
    }
}
