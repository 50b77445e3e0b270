package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    @TempDir
    Path root;

    @Test
    void defaultFoldersChosenAtOnceAreEachTheirOwnAndAlreadyExist() {
        Set<Path> chosen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Path dir = OutputFolder.choose(null, null, root.toString());
            assertTrue(Files.isDirectory(dir), dir + " is claimed by creating it");
            chosen.add(dir);
        }
        assertEquals(3, chosen.size(), chosen.toString());
    }

    @Test
    void aChosenFolderLeftEmptyIsRemovedAndOneWithFilesIsKept() throws IOException {
        Path empty = OutputFolder.choose(null, null, root.toString());
        Path used = OutputFolder.choose(null, null, root.toString());
        Files.writeString(used.resolve("metrics.json"), "{}");
        Path locked = OutputFolder.choose(null, null, root.toString());
        Files.writeString(locked.resolve(".lock"), "123\n");
        OutputFolder.removeIfEmpty(locked);
        assertFalse(Files.exists(locked), "a folder holding only its released lock file is left empty");
        OutputFolder.removeIfEmpty(empty);
        OutputFolder.removeIfEmpty(used);
        assertFalse(Files.exists(empty));
        assertTrue(Files.isRegularFile(used.resolve("metrics.json")));
    }
}
