package org.auscult.app.browser;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.auscult.library.Layout;

/**
 * The two ways to open a collection from the window: a folder (Open…, then how to read it, {@link OpenAsChoice}) or
 * one file that names recordings (Open file…): a CirCor patient's {@code <patient>.txt}, which lists the recordings
 * beside it, or a collection's label CSV. A file's layout is detected from the file itself.
 */
public final class OpenDialogs {

    /** The files Open file… offers first. */
    public static final List<FileChooser.ExtensionFilter> FILE_FILTERS = List.of(
            new FileChooser.ExtensionFilter("CirCor patient files and label files (*.txt, *.csv)", "*.txt", "*.csv"),
            new FileChooser.ExtensionFilter("All files", "*"));

    private final BiConsumer<Path, Optional<Layout>> open;
    private final Function<Window, File> fileDialog;

    /** Dialogs that hand what the user picks to {@code open}. */
    public OpenDialogs(BiConsumer<Path, Optional<Layout>> open) {
        this(open, OpenDialogs::showFileChooser);
    }

    /** The same with another file dialog: a test's, where the system's cannot be driven. */
    public OpenDialogs(BiConsumer<Path, Optional<Layout>> open, Function<Window, File> fileDialog) {
        this.open = Objects.requireNonNull(open, "open");
        this.fileDialog = Objects.requireNonNull(fileDialog, "fileDialog");
    }

    /** Asks for a folder, then how to read it, and opens it; a cancelled dialog opens nothing. */
    public void chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder or collection of recordings");
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            OpenAsChoice.ask(owner, folder.getName()).ifPresent(layout -> open.accept(folder.toPath(), layout));
        }
    }

    /** Asks for a patient or label file and opens it, its layout detected; a cancelled dialog opens nothing. */
    public void chooseFile(Window owner) {
        File file = fileDialog.apply(owner);
        if (file != null) {
            open.accept(file.toPath(), Optional.empty());
        }
    }

    private static File showFileChooser(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a CirCor patient file or a collection's label file");
        chooser.getExtensionFilters().setAll(FILE_FILTERS);
        return chooser.showOpenDialog(owner);
    }
}
