package io.github.softmax4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path root;

    @Test
    void oneFolderIsLeftOutAloneForTheReasonTheWholeTreeGivesIt() throws IOException {
        Files.createDirectories(root.resolve("group/metrics.json"));
        Files.createDirectories(root.resolve("group/inner"));
        Files.writeString(root.resolve("group/inner/metrics.json"), "{\"epochs\": [");
        Files.createDirectories(root.resolve("plain/deep"));
        Files.writeString(root.resolve("plain/deep/metrics.json"), "not json");
        Map<Path, String> tree = new TreeMap<>();
        RunFolder.findAll(root, leftOut -> tree.put(leftOut.dir(), leftOut.reason()));
        Map<Path, String> alone = new TreeMap<>();
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                RunFolder.leftOut(folder).ifPresent(leftOut -> alone.put(leftOut.dir(), leftOut.reason()));
            }
        }
        assertEquals(tree, alone);
        assertEquals(List.of(root.resolve("group"), root.resolve("group/inner"), root.resolve("plain/deep")),
                List.copyOf(alone.keySet()));
        assertEquals("metrics.json is a folder, not a file", alone.get(root.resolve("group")),
                "the damaged run below it is its own, not the folder's");
        assertEquals(Optional.empty(), RunFolder.leftOut(root.resolve("plain")), "what is below is not looked at");
    }
}
