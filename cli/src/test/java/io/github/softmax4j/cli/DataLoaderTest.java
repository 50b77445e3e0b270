package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.Downloader;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.RealData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
        DataLoader loader = new DataLoader("softmax4j train", dataSet, new DataLocator(dataSet, Map.of(), cache,
                dir.resolve("no-package")), new Downloader(dataSet, URI.create("http://127.0.0.1:" + closedPort + "/"),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        StringWriter err = new StringWriter();
        IOException e = assertThrows(IOException.class,
                () -> loader.load(null, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertTrue(e.getMessage().contains("--data-dir"), e.getMessage());
        assertEquals("softmax4j train: Fashion-MNIST not found; downloading it into " + cache,
                err.toString().lines().findFirst().orElseThrow(), "the notice begins as every line of the tool");
        if (Files.exists(cache)) {
            try (Stream<Path> left = Files.list(cache)) {
                assertFalse(left.findAny().isPresent(), "nothing may be left in the cache");
            }
        }
    }

    @Test
    void aTestCommandDownloadsOnlyTheTestFiles() throws IOException {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
            asked.add(name);
            byte[] body = Files.readAllBytes(RealData.dir().resolve(name));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            IdxDataSet dataSet = FashionMnist.DATA_SET;
            Path cache = dir.resolve("cache");
            URI mirror = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            DataLoader loader = new DataLoader("softmax4j evaluate", dataSet, new DataLocator(dataSet, Map.of(), cache,
                    dir.resolve("no-package")), new Downloader(dataSet, mirror, Duration.ofSeconds(5),
                    Duration.ofSeconds(5), Duration.ofSeconds(30)));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Dataset test = loader.loadTest(null, new PrintWriter(out), new PrintWriter(err));
            assertEquals(10_000, test.size());
            assertEquals("softmax4j evaluate: Fashion-MNIST test set not found; downloading it into " + cache,
                    err.toString().lines().findFirst().orElseThrow());
            assertEquals(List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"), asked);
            assertTrue(out.toString().contains(cache + " (downloaded into the user cache)"), out.toString());
            // the cache now holds what a test command needs, so the next one finds it there
            loader.loadTest(null, new PrintWriter(out), new PrintWriter(new StringWriter()));
            assertEquals(2, asked.size());
            assertTrue(out.toString().contains(cache + " (user cache)"), out.toString());
        } finally {
            server.stop(0);
        }
    }
}
