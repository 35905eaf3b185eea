package org.auscult.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WindowHeapTest {

    private static final Optional<String> JAVA = Optional.of("/usr/lib/jvm/java-17/bin/java");
    private static final long DEFAULT_HEAP_OF_23_GIB = 6028L << 20;

    @AfterEach
    void clearSwitch() {
        System.clearProperty(WindowHeap.SWITCH);
    }

    @Test
    void aLargeDefaultHeapStartsTheWindowAgainWithThePackagedHeapAndTheSameOptions() {
        Optional<List<String>> command = WindowHeap.restartCommand(List.of("-Dlog=warn"), DEFAULT_HEAP_OF_23_GIB, JAVA,
                "target/auscult.jar", List.of("--open", "my recordings", "--self-check"));

        assertEquals(List.of("/usr/lib/jvm/java-17/bin/java", "-Dlog=warn", "-Xmx2g",
                "-D" + WindowHeap.STARTED + "=true", "-cp", "target/auscult.jar", "org.auscult.Launcher",
                "--open", "my recordings", "--self-check"), command.orElseThrow());
    }

    @Test
    void aHeapTheUserChoseIsKept() {
        for (String chosen : List.of("-Xmx8g", "-XX:MaxHeapSize=8g", "-XX:MaxRAMPercentage=50", "-XX:MaxRAM=32g",
                "-Xms4g", "-XX:InitialRAMPercentage=30")) {
            assertTrue(WindowHeap.restartCommand(List.of(chosen), DEFAULT_HEAP_OF_23_GIB, JAVA, "a.jar", List.of())
                    .isEmpty(), chosen);
        }
    }

    @Test
    void aDebuggedJvmASmallDefaultHeapAnUnknownJavaOrTheSwitchOffKeepTheWindowHere() {
        assertTrue(WindowHeap.restartCommand(List.of("-agentlib:jdwp=transport=dt_socket"), DEFAULT_HEAP_OF_23_GIB,
                JAVA, "a.jar", List.of()).isEmpty());
        assertTrue(WindowHeap.restartCommand(List.of(), 2000L << 20, JAVA, "a.jar", List.of()).isEmpty());
        assertTrue(WindowHeap.restartCommand(List.of(), DEFAULT_HEAP_OF_23_GIB, Optional.empty(), "a.jar", List.of())
                .isEmpty());
        System.setProperty(WindowHeap.SWITCH, "false");
        assertTrue(WindowHeap.restartCommand(List.of(), DEFAULT_HEAP_OF_23_GIB, JAVA, "a.jar", List.of()).isEmpty());
    }
}
