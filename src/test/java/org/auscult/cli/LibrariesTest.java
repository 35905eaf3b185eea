package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class LibrariesTest {

    @Test
    void everyLibraryIsFoundOnTheClassPathAndNoneWithoutIt() throws Exception {
        assertEquals(List.of(), Libraries.missing(Libraries.class.getClassLoader()));
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            List<String> missing = Libraries.missing(bare);
            assertEquals(10, missing.size(), missing.toString());
            assertTrue(missing.containsAll(List.of("picocli", "slf4j-api", "weka-stable", "sqlite-jdbc")));
        }
    }
}
