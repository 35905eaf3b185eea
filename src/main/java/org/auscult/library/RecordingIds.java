package org.auscult.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ids that tell apart recordings given together: two files named x.wav in different folders, or two collections
 * that both hold a rec/a, would otherwise share a name, and with it an output file or a table row.
 */
public final class RecordingIds {

    private RecordingIds() {
    }

    /**
     * The ids of {@code files}, their proposed {@code ids} kept where no other file has the same one. Files that share
     * an id are named by their path relative to the folder they all lie under, as collections name recordings
     * ({@code s1/x} and {@code s2/x} for {@code s1/x.wav} and {@code s2/x.wav}), with the extension when only it
     * differs ({@code x.wav}, {@code x.flac}). A file listed twice keeps one id: it is the same recording.
     */
    public static List<String> distinct(List<Path> files, List<String> ids) {
        if (files.size() != ids.size()) {
            throw new IllegalArgumentException(files.size() + " files but " + ids.size() + " ids");
        }
        List<String> result = new ArrayList<>(ids);
        for (List<Integer> clash : clashes(files, ids)) {
            Path root = commonFolder(clash.stream().map(i -> absolute(files.get(i))).toList());
            List<String> relative = clash.stream().map(i -> CollectionBuilder.idOf(root, absolute(files.get(i))))
                    .toList();
            if (clashes(clash.stream().map(files::get).toList(), relative).isEmpty()) {
                for (int k = 0; k < clash.size(); k++) {
                    result.set(clash.get(k), relative.get(k));
                }
            } else {
                for (int i : clash) {
                    Path file = absolute(files.get(i));
                    result.set(i, root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"));
                }
            }
        }
        return result;
    }

    /** The indexes of each id given to more than one distinct file, in first-seen order. */
    private static List<List<Integer>> clashes(List<Path> files, List<String> ids) {
        Map<String, List<Integer>> byId = new HashMap<>();
        Map<String, Path> firstFile = new HashMap<>();
        Map<String, Boolean> distinctFiles = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!byId.containsKey(id)) {
                order.add(id);
                firstFile.put(id, absolute(files.get(i)));
            } else if (!firstFile.get(id).equals(absolute(files.get(i)))) {
                distinctFiles.put(id, true);
            }
            byId.computeIfAbsent(id, key -> new ArrayList<>()).add(i);
        }
        return order.stream().filter(distinctFiles::containsKey).map(byId::get).toList();
    }

    /** The deepest folder every one of {@code files} lies under (the file system root at worst). */
    private static Path commonFolder(List<Path> files) {
        Path common = files.get(0).getParent();
        for (Path file : files) {
            while (common != null && !file.startsWith(common)) {
                common = common.getParent();
            }
        }
        return common != null ? common : files.get(0).getRoot();
    }

    private static Path absolute(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
