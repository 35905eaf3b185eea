package org.auscult.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.auscult.library.Layout;
import org.junit.jupiter.api.Test;

class OpenDialogsTest {

    private record Opened(Path path, Optional<Layout> layout) {
    }

    @Test
    void aPickedFileIsOpenedWithItsLayoutDetected() {
        List<Opened> opened = new ArrayList<>();
        File patient = new File("training_data/2530.txt");
        OpenDialogs dialogs = new OpenDialogs((path, layout) -> opened.add(new Opened(path, layout)), owner -> patient);
        dialogs.chooseFile(null);
        assertEquals(List.of(new Opened(patient.toPath(), Optional.empty())), opened);
    }

    @Test
    void aCancelledFileDialogOpensNothing() {
        List<Opened> opened = new ArrayList<>();
        OpenDialogs dialogs = new OpenDialogs((path, layout) -> opened.add(new Opened(path, layout)), owner -> null);
        dialogs.chooseFile(null);
        assertTrue(opened.isEmpty(), opened.toString());
    }

    @Test
    void theFileDialogOffersPatientAndLabelFilesFirst() {
        assertEquals(List.of("*.txt", "*.csv"), OpenDialogs.FILE_FILTERS.get(0).getExtensions());
        assertEquals(List.of("*"), OpenDialogs.FILE_FILTERS.get(1).getExtensions());
    }
}
