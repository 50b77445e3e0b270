package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.PictureBomb;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests meant to read outside the folder, exhaust the board, or crash it: each gets a clear 4xx. */
class HostileRequestsTest {
    private static final String SECRET = "secret-outside-the-board";

    @TempDir
    Path outside;

    private Path dir;
    private BoardClient client;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(outside.resolve("secret.png"), SECRET);
        Files.writeString(outside.resolve("metrics.json"), "{\"config\": {\"" + SECRET + "\": 1}, \"epochs\": []}");
        dir = Files.createDirectories(outside.resolve("runs"));
        RunFolders.writeMetrics(dir.resolve("a"), 2, false, Map.of());
        RunFolders.writeModel(dir.resolve("a"), 3);
        client = new BoardClient(dir, null);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private static void assertError(int status, HttpResponse<String> response, String words) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        String error = BoardClient.json(response).get("error").asText();
        assertTrue(error.contains(words), error);
        assertFalse(response.body().contains(SECRET));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/api/runs/..%2F..%2Fmetrics.json", "/api/runs/a/..%2F..%2F", "/api/runs/%2e%2e/%2e%2e/secret.png",
        "/app/..%2F..%2F..%2FBoard.class", "/app/%2e%2e%2fweb%2findex.html", "/vendor/..%2Fpom.properties",
        "/api/runs/a/files/..%2F..%2Fsecret.png", "/api/runs/a/files/%2e%2e%5c%2e%2e%5csecret.png",
        "/api/runs/a%00/files/curves.png",
    })
    void pathsThatClimbOutAreRefused(String path) {
        HttpResponse<String> response = client.get(path);
        assertTrue(response.statusCode() == 400 || response.statusCode() == 404, path + " -> " + response.statusCode());
        assertFalse(response.body().contains(SECRET), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/runs/a/files/metrics.json", "/api/runs/a/files/model.safetensors",
        "/io/github/softmax4j/board/Board.class", "/META-INF/MANIFEST.MF", "/app/Board.class", "/vendor/LICENSE"})
    void onlyThePicturesAndThePageAreServed(String path) {
        assertEquals(404, client.get(path).statusCode(), path);
    }

    @Test
    void aPictureLinkedFromOutsideIsNotServed() throws IOException {
        Files.createSymbolicLink(dir.resolve("a/curves.png"), outside.resolve("secret.png"));
        assertError(404, client.get("/api/runs/a/files/curves.png"), "serves only pictures inside it");
    }

    @Test
    void aRunFolderLinkedFromOutsideIsNotARun() throws IOException {
        Files.createSymbolicLink(dir.resolve("linked"), outside);
        assertError(404, client.get("/api/runs/linked"), "Nothing called linked");
    }

    @Test
    void anOversizedUploadIsRefusedWith413() {
        byte[] large = new byte[Uploads.MAX_BYTES + 1];
        assertError(413, client.post("/api/runs/a/predict", large), "larger than 10 MiB");
    }

    @Test
    void uploadsThatAreNotPicturesAreExplained() throws IOException {
        assertError(422, client.post("/api/runs/a/predict?input=notes.png", "just text".getBytes(StandardCharsets.UTF_8)),
                "notes.png: not an image this tool can read");
        byte[] whole = BoardApiTest.png(BoardApiTest.shirt(), "png");
        assertError(422, client.post("/api/runs/a/predict", Arrays.copyOf(whole, whole.length / 2)),
                "upload: a damaged or incomplete image");
        assertError(400, client.post("/api/prepare", new byte[0]), "has no body; send the picture's bytes as the body");
    }

    @Test
    void aPictureBombIsRefusedBeforeItIsDecoded() {
        Runtime runtime = Runtime.getRuntime();
        assertError(422, client.post("/api/runs/a/predict", PictureBomb.png(40000, 40000)),
                "40000x40000 pixels is more than the 50 megapixels");
        assertError(422, client.post("/api/prepare", PictureBomb.png(1, 60_000_000)), "megapixels");
        assertTrue(runtime.totalMemory() < 2L << 30, "nothing near the 6.4 GB the bomb claims was allocated");
    }

    @Test
    void unknownRunsRoutesAndMethodsAreNamed() throws IOException {
        assertError(404, client.get("/api/runs/nope"), "Nothing called nope");
        assertError(404, client.post("/api/runs/nope/predict", new byte[] {1}), "Nothing called nope/predict");
        assertError(404, client.get("/api/runs/a/weights"), "No such route under run a");
        assertError(404, client.get("/api/runs/a/confusion/10/0"), "No class 10");
        assertError(404, client.get("/api/secrets"), "No such API route");
        HttpResponse<String> wrongMethod = client.get("/api/runs/a/predict");
        assertError(405, wrongMethod, "Use POST");
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElseThrow());
        assertError(400, client.post("/api/runs/a/predict?top=11", new byte[] {1}), "top must be a whole number");
        assertTrue(raw("GET /api/runs/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\n").startsWith("HTTP/1.1 400"));
    }

    /** Sends a request as written, closing the connection after it, and returns the whole answer. */
    private String raw(String requestHead) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", client.board.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRunFolderDeletedWhileServedIsGoneNotAnError() throws IOException {
        assertEquals(200, client.get("/api/runs/a").statusCode());
        for (Path file : Files.list(dir.resolve("a")).toList()) {
            Files.delete(file);
        }
        Files.delete(dir.resolve("a"));
        assertError(404, client.post("/api/runs/a/predict", BoardApiTest.png(BoardApiTest.shirt(), "png")), "gone");
        assertError(404, client.get("/api/runs/a"), "gone");
        assertEquals("[]", client.get("/api/runs").body());
        assertError(404, client.get("/api/runs/a/files/curves.png"), "Nothing called a");
    }

    @Test
    void anotherHostNameIsRefusedAgainstDnsRebinding() throws IOException {
        String answer = raw("GET /api/runs HTTP/1.1\r\nHost: attacker.example:" + client.board.address().getPort()
                + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        assertTrue(answer.contains("answers only at localhost addresses"), answer);
        assertTrue(raw("GET /api/runs HTTP/1.1\r\nHost: localhost\r\n").startsWith("HTTP/1.1 200"));
    }

    @Test
    void anUploadFromAnotherSitesPageIsRefused() {
        HttpRequest request = HttpRequest.newBuilder(client.uri("/api/prepare")).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})).build();
        assertError(403, client.send(request), "other sites");
    }

    @Test
    void theNumberOfEventStreamsIsCapped() throws Exception {
        List<InputStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < EventHub.MAX_STREAMS; i++) {
                HttpResponse<InputStream> stream = client.http.send(HttpRequest.newBuilder(client.uri("/api/events"))
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, stream.statusCode());
                streams.add(stream.body());
            }
            assertError(503, client.get("/api/events"), "close one and reload");
            assertEquals(200, client.get("/api/runs").statusCode(), "the other workers still answer");
        } finally {
            for (InputStream stream : streams) {
                stream.close();
            }
        }
    }
}
