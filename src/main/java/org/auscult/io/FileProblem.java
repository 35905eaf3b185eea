package org.auscult.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be opened, in words: a {@link FileSystemException}'s own message is often the bare path
 * ({@code nonexist.auscult}) or the system's phrase ({@code Is a directory}), neither of which says what is wrong to
 * someone who named the file.
 */
public final class FileProblem {

    private FileProblem() {
    }

    /** "no such file or folder", "permission denied", "it is a folder", or the system's reason. */
    public static String of(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NotDirectoryException) {
            return "not a folder";
        }
        String reason = failure instanceof FileSystemException files ? files.getReason() : failure.getMessage();
        if (reason == null || reason.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return reason.equals("Is a directory") ? "it is a folder" : VisibleText.of(reason);
    }
}
