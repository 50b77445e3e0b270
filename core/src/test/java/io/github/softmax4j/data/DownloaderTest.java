package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against a local HTTP server on 127.0.0.1. */
class DownloaderTest {
    @TempDir
    Path cache;

    private HttpServer server;
    private final CountDownLatch released = new CountDownLatch(1);

    private URI serve(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/fashion/");
    }

    @AfterEach
    void stop() {
        released.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    private static Downloader downloader(URI mirror) {
        return new Downloader(FashionMnist.DATA_SET, mirror, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void downloadsVerifiesAndLoads() throws IOException {
        Path real = RealData.dir();
        URI mirror = serve(exchange -> {
            String name = Path.of(exchange.getRequestURI().getPath()).getFileName().toString();
            send(exchange, 200, Files.readAllBytes(real.resolve(name)));
        });
        StringBuilder progress = new StringBuilder();
        downloader(mirror).downloadAll(cache, IdxDataSet.Part.ALL, (file, soFar, total) -> {
            if (soFar == total) {
                progress.append(file).append(' ');
            }
        });
        assertEquals(4, filesIn(cache));
        assertEquals(60_000, FashionMnist.load(cache).train().size());
        assertTrue(progress.toString().contains("t10k-labels-idx1-ubyte.gz"), progress.toString());
    }

    @Test
    void rejectsOtherDataAndKeepsNothing() throws IOException {
        URI mirror = serve(exchange -> send(exchange, 200, IdxBytes.gzip(IdxBytes.images(3))));
        IOException e = assertThrows(IOException.class, () -> downloader(mirror).downloadAll(cache, IdxDataSet.Part.ALL, (f, s, t) -> { }));
        assertTrue(e.getMessage().contains("is not the official Fashion-MNIST training images"), e.getMessage());
        assertEquals(0, filesIn(cache));
    }

    @Test
    void reportsAServerError() throws IOException {
        URI mirror = serve(exchange -> send(exchange, 503, new byte[0]));
        IOException e = assertThrows(IOException.class, () -> downloader(mirror).downloadAll(cache, IdxDataSet.Part.ALL, (f, s, t) -> { }));
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
        assertEquals(0, filesIn(cache));
    }

    @Test
    void anUnknownHostIsSaidToBeOneWithTheLikelyCause() {
        // .invalid is a name that never resolves
        URI mirror = URI.create("http://softmax4j.invalid/fashion/");
        IOException e = assertThrows(IOException.class, () -> downloader(mirror).downloadAll(cache, IdxDataSet.Part.ALL, (f, s, t) -> { }));
        assertTrue(e.getMessage().endsWith("the host softmax4j.invalid is unknown (no network, or no name server "
                + "answers)"), e.getMessage());
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz"), e.getMessage());
    }

    @Test
    void reportsATruncatedTransfer() throws IOException {
        URI mirror = serve(exchange -> {
            exchange.sendResponseHeaders(200, 10_000);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[100]);
            } catch (IOException expected) {
                // the server closes early on purpose
            }
        });
        IOException e = assertThrows(IOException.class, () -> downloader(mirror).downloadAll(cache, IdxDataSet.Part.ALL, (f, s, t) -> { }));
        assertTrue(e.getMessage().startsWith("could not download"), e.getMessage());
        assertEquals(0, filesIn(cache));
    }

    @Test
    void givesUpOnAStalledServer() throws IOException {
        URI mirror = serve(exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(8),
                () -> assertThrows(IOException.class, () -> downloader(mirror).downloadAll(cache, IdxDataSet.Part.ALL, (f, s, t) -> { })));
        assertTrue(e.getMessage().contains("no data for 1 s"), e.getMessage());
        assertEquals(0, filesIn(cache));
    }

    @Test
    void givesUpOnAServerThatTricklesBytes() throws IOException {
        URI mirror = serve(exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write(0);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException closed) {
                // the client gave up, as it should
            }
        });
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IOException.class, () -> downloader(mirror).downloadAll(cache, IdxDataSet.Part.ALL, (f, s, t) -> { })));
        assertTrue(e.getMessage().contains("gave up after 2 s"), e.getMessage());
        assertEquals(0, filesIn(cache));
    }
}
