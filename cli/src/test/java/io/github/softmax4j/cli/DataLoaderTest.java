package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.Downloader;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLoaderTest {
    @TempDir
    Path dir;

    @Test
    void offlineWithoutDataSaysWhatToDo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path cache = dir.resolve("cache");
        IdxDataSet dataSet = FashionMnist.DATA_SET;
        DataLoader loader = new DataLoader(dataSet, new DataLocator(dataSet, Map.of(), cache, dir.resolve("no-package")),
                new Downloader(dataSet, URI.create("http://127.0.0.1:" + closedPort + "/"), Duration.ofSeconds(1),
                        Duration.ofSeconds(1), Duration.ofSeconds(1)));
        StringWriter err = new StringWriter();
        IOException e = assertThrows(IOException.class,
                () -> loader.load(null, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
        assertTrue(err.toString().contains("downloading it into " + cache), err.toString());
        if (Files.exists(cache)) {
            try (Stream<Path> left = Files.list(cache)) {
                assertFalse(left.findAny().isPresent(), "nothing may be left in the cache");
            }
        }
    }
}
