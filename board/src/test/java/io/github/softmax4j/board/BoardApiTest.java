package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.ImagePreprocessor;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.model.Classifier;
import io.github.softmax4j.model.PredictionReport;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardApiTest {
    @TempDir
    Path dir;

    private BoardClient client;

    @BeforeEach
    void start() throws IOException {
        RunFolders.writeMetrics(dir.resolve("plain"), 3, false, Map.of());
        RunFolders.writeModel(dir.resolve("plain"), 1);
        Files.write(dir.resolve("plain/curves.png"), png(shirt(), "png"));
        RunFolders.writeMetrics(dir.resolve("grid/lr 0.1"), 2, true, Map.of("status", "finished",
                "selected", Map.of("epoch", 2, "val_acc", 0.71, "test_acc", 0.7)));
        Files.writeString(dir.resolve("grid/sweep.json"), "{" + RunFolders.gridField()
                + "\"ranking\": [{\"config\": {\"learning_rate\": 0.1}, "
                + "\"val_acc_mean\": 0.71, \"val_acc_sd\": 0, \"runs\": [\"lr 0.1\"]}]}");
        client = new BoardClient(dir, null);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    /** A light shirt-like shape on a dark background, 90x120 pixels. */
    static BufferedImage shirt() {
        BufferedImage image = new BufferedImage(90, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(25, 20, 40, 80);
        g.fillRect(5, 20, 80, 25);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, format, bytes);
        return bytes.toByteArray();
    }

    @Test
    void listsEveryRunWithItsStatusSettingsAndEpochs() {
        HttpResponse<String> response = client.get("/api/runs");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode runs = BoardClient.json(response);
        assertEquals(2, runs.size());
        JsonNode nested = runs.get(0);
        assertEquals("grid/lr 0.1", nested.get("name").asText());
        assertEquals("finished", nested.get("status").asText());
        assertEquals("grid", nested.get("sweep").asText());
        assertEquals(2, nested.get("selected").get("epoch").asInt());
        assertEquals(0.70, nested.get("epochs").get(0).get("val_acc").asDouble(), 1e-12);
        JsonNode plain = runs.get(1);
        assertEquals("plain", plain.get("name").asText());
        assertEquals("finished", plain.get("status").asText(), "an older run with a model file has finished");
        assertEquals(256, plain.get("config").get("batch_size").asInt());
        assertEquals(List.of(1, 2, 3), plain.get("epochs").findValues("epoch").stream().map(JsonNode::asInt).toList());
        assertEquals(1, plain.get("pictures").size());
        assertEquals("curves.png", plain.get("pictures").get(0).asText());
        assertTrue(plain.get("can_classify").asBoolean());
    }

    @Test
    void oneRunByNameWithItsSlashEncodedOrNot() {
        for (String path : List.of("/api/runs/grid/lr%200.1", "/api/runs/grid%2Flr%200.1")) {
            HttpResponse<String> response = client.get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("grid/lr 0.1", BoardClient.json(response).get("name").asText());
        }
    }

    @Test
    void aSweepWithItsRankingAndRuns() {
        JsonNode sweep = BoardClient.json(client.get("/api/sweeps/grid"));
        assertEquals(List.of("grid/lr 0.1"), List.of(sweep.get("runs").get(0).asText()));
        assertEquals(0.71, sweep.get("summary").get("ranking").get(0).get("val_acc_mean").asDouble(), 1e-12);
        assertEquals(1, BoardClient.json(client.get("/api/sweeps")).size());
    }

    @Test
    void predictAnswersWhatPredictJsonPrintsForTheSamePicture() throws IOException {
        byte[] picture = png(shirt(), "png");
        HttpResponse<String> response = client.post("/api/runs/plain/predict?top=4&input=shirt.png", picture);
        assertEquals(200, response.statusCode(), response.body());
        Classifier classifier = new Classifier(RunFolders.model(1));
        Path file = Files.write(dir.resolve("shirt.png"), picture);
        Map<String, Object> expected = new PredictionReport("shirt.png", classifier.classify(file), 4, 0).toMap();
        assertEquals(new ObjectMapper().valueToTree(expected), BoardClient.json(response));
        Files.delete(file);
    }

    @Test
    void prepareShowsTheInputTheModelSees() throws IOException {
        byte[] picture = png(shirt(), "jpg");
        JsonNode prepared = BoardClient.json(client.post("/api/prepare", picture));
        assertEquals(28, prepared.get("side").asInt());
        byte[] expected = ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(picture, "shirt.jpg"));
        assertArrayEquals(expected, Base64.getDecoder().decode(prepared.get("pixels").asText()));
    }

    @Test
    void aBlankPictureGetsNoAnswerButASentence() throws IOException {
        byte[] blank = png(new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB), "png");
        for (String path : List.of("/api/runs/plain/predict?input=blank.png", "/api/prepare?input=blank.png")) {
            HttpResponse<String> response = client.post(path, blank);
            assertEquals(422, response.statusCode(), response.body());
            assertTrue(response.body().contains("blank.png: no garment found"), response.body());
        }
    }

    @Test
    void servesTheRunsPicturesAndThePage() throws IOException {
        HttpResponse<String> picture = client.get("/api/runs/plain/files/curves.png");
        assertEquals(200, picture.statusCode());
        assertEquals("image/png", picture.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> page = client.get("/");
        assertTrue(page.body().contains("<script type=\"module\" src=\"/app/app.js\">"), page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
        for (String asset : List.of("/app/app.js", "/app/style.css", "/vendor/uPlot.esm.js", "/vendor/uPlot.min.css")) {
            assertEquals(200, client.get(asset).statusCode(), asset);
        }
        assertEquals("text/javascript; charset=utf-8",
                client.get("/app/runs.js").headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void theEventStreamCarriesNewRunsEachNewEpochAndStatusChanges() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(client.uri("/api/events")).GET().build();
        HttpResponse<InputStream> stream = client.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElseThrow());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertEquals("retry: 1000", events.readLine());
            next(events, "sweep");
            RunFolders.writeMetrics(dir.resolve("live"), 1, false, Map.of("status", "running"));
            JsonNode appeared = next(events, "run");
            assertEquals("live", appeared.get("name").asText());
            assertEquals("running", appeared.get("status").asText());
            RunFolders.writeMetrics(dir.resolve("live"), 2, false, Map.of("status", "running"));
            JsonNode epoch = next(events, "epoch");
            assertEquals("live", epoch.get("run").asText());
            assertEquals(2, epoch.get("epoch").get("epoch").asInt());
            assertEquals(0.5, epoch.get("epoch").get("train_loss").asDouble(), 1e-12);
            RunFolders.writeMetrics(dir.resolve("live"), 2, false, Map.of("status", "finished"));
            assertEquals("finished", next(events, "run").get("status").asText());
        }
    }

    @Test
    void aStreamOpensWithEveryRunAndSweepSoAPageConnectingMidRunHasTheirSettingsFirst() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(client.uri("/api/events")).GET().build();
        HttpResponse<InputStream> stream = client.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertEquals(List.of("retry: 1000", ""), List.of(events.readLine(), events.readLine()));
            List<String> opening = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String type = events.readLine();
                assertTrue(type.startsWith("event: "), "an event before any keep-alive comment, got " + type);
                JsonNode data = new ObjectMapper().readTree(events.readLine().substring("data: ".length()));
                assertEquals("", events.readLine());
                opening.add(type + " " + data.get("name").asText());
                if (data.get("name").asText().equals("plain")) {
                    assertEquals(0.1, data.get("config").get("learning_rate").asDouble(), 1e-12);
                    assertEquals(3, data.get("epochs").size());
                }
            }
            assertEquals(List.of("event: run grid/lr 0.1", "event: run plain", "event: sweep grid"), opening);
            RunFolders.writeMetrics(dir.resolve("plain"), 4, false, Map.of());
            JsonNode epoch = next(events, "epoch");
            assertEquals("plain", epoch.get("run").asText());
            assertEquals(4, epoch.get("epoch").get("epoch").asInt());
        }
    }

    /** The data of the next event of {@code type}, skipping others and keep-alive comments. */
    private static JsonNode next(BufferedReader events, String type) throws IOException {
        String event = null;
        for (String line = events.readLine(); line != null; line = events.readLine()) {
            if (line.startsWith("event: ")) {
                event = line.substring(7);
            } else if (line.startsWith("data: ") && type.equals(event)) {
                return new ObjectMapper().readTree(line.substring(6));
            }
        }
        throw new IOException("the stream ended before a " + type + " event");
    }

    @Test
    void neverWritesIntoItsFolder() throws IOException {
        Map<String, Object> before = listing();
        client.get("/api/runs");
        client.get("/api/runs/plain");
        client.post("/api/runs/plain/predict", png(shirt(), "png"));
        client.post("/api/prepare", png(shirt(), "bmp"));
        client.get("/api/runs/plain/files/curves.png");
        client.get("/api/sweeps/grid");
        assertEquals(before, listing());
    }

    private Map<String, Object> listing() throws IOException {
        Map<String, Object> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                files.put(dir.relativize(path).toString(), List.of(Files.size(path), Files.getLastModifiedTime(path)));
            }
        }
        return files;
    }

    @Test
    void theConfusionMatrixOfTheTestSetAndTheImagesOfOneCell() throws IOException {
        client.close();
        client = new BoardClient(dir, RealData.dir());
        JsonNode confusion = BoardClient.json(client.get("/api/runs/plain/confusion"));
        long total = 0;
        for (JsonNode row : confusion.get("matrix")) {
            for (JsonNode count : row) {
                total += count.asLong();
            }
        }
        assertEquals(10_000, total);
        assertEquals("T-shirt/top", confusion.get("classes").get(0).asText());
        long cellCount = confusion.get("matrix").get(6).get(0).asLong();
        JsonNode cell = BoardClient.json(client.get("/api/runs/plain/confusion/6/0"));
        assertEquals(cellCount, cell.get("count").asLong());
        assertEquals(Math.min(cellCount, ConfusionCellRoute.MAX_IMAGES), cell.get("images").size());
        if (cellCount > 0) {
            JsonNode first = cell.get("images").get(0);
            assertEquals(6, RealData.load().test().label(first.get("index").asInt()));
            assertArrayEquals(RealData.load().test().image(first.get("index").asInt()),
                    Base64.getDecoder().decode(first.get("pixels").asText()));
        }
    }
}
