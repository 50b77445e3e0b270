package io.github.softmax4j.bench;

import io.github.softmax4j.board.Board;
import io.github.softmax4j.data.AtomicFiles;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * The board under load, on 127.0.0.1: CLIENTS threads each send REQUESTS predict requests (a
 * 300x200 PNG) one after another, in four rounds after a warm-up. Prints the errors, the
 * throughput, the latency percentiles and the heap in use after a full collection between the
 * rounds, to see that memory stays flat. Not part of the test suite: a measurement, run by hand.
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.softmax4j.bench.BoardLoad [CLIENTS] [REQUESTS]
 * </pre>
 */
public final class BoardLoad {
    private BoardLoad() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path dir = Files.createTempDirectory("softmax4j-board-load");
        Path run = Files.createDirectories(dir.resolve("load"));
        AtomicFiles.write(run.resolve("metrics.json"), "{\"config\": {}, \"epochs\": []}".getBytes(StandardCharsets.UTF_8));
        IdxDataSet dataSet = FashionMnist.DATA_SET;
        SoftmaxRegression model = SoftmaxRegression.initialize(dataSet.features(), dataSet.classes(), 0.05f, 1);
        ModelFile.save(run.resolve("model.safetensors"),
                new SavedModel(model, dataSet.classNames(), PixelScaling.UNIT, dataSet.height(), dataSet.width(), Map.of()));
        byte[] picture = picture();
        try (Board board = Board.start(dir, new InetSocketAddress("127.0.0.1", 0), null)) {
            URI predict = board.address().resolve("/api/runs/load/predict?input=garment.png");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            System.out.printf(Locale.ROOT, "board %s, %d clients x %d predict requests of a %d-byte PNG (300x200)%n",
                    board.address(), clients, requests, picture.length);
            measure(http, predict, picture, clients, Math.max(1, requests / 5), false);
            measure(http, predict, picture, clients, requests, true);
        } finally {
            for (Path file : List.of(run.resolve("metrics.json"), run.resolve("model.safetensors"), run, dir)) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Sends the requests in four rounds, the heap measured between them; prints the figures if {@code report}. */
    private static void measure(HttpClient http, URI predict, byte[] picture, int clients, int requests, boolean report)
            throws Exception {
        int perRound = Math.max(1, requests / 4);
        long[] latencies = new long[clients * perRound * 4];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<String> heap = new ArrayList<>();
        double seconds = 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int round = 0; round < 4; round++) {
            heap.add(heapAfterGc());
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < perRound; r++) {
                        long sent = System.nanoTime();
                        if (!predicted(http, predict, picture)) {
                            errors.incrementAndGet();
                        }
                        latencies[done.getAndIncrement()] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            seconds += (System.nanoTime() - start) / 1e9;
        }
        heap.add(heapAfterGc());
        pool.shutdown();
        if (!report) {
            return;
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "requests %d, errors %d, %.1f s, %.0f requests/s%n", latencies.length,
                errors.get(), seconds, latencies.length / seconds);
        System.out.printf(Locale.ROOT, "latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6);
        System.out.println("heap in use after a full GC, before each quarter of the requests and at the end: "
                + String.join(", ", heap));
    }

    private static boolean predicted(HttpClient http, URI predict, byte[] picture) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(predict)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(picture)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"label\"");
        } catch (IOException e) {
            return false;
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        return String.format(Locale.ROOT, "%.1f MB", memory.getHeapMemoryUsage().getUsed() / 1e6);
    }

    /** A dark garment on a light background, 300x200, as a person's photo might be. */
    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(235, 235, 230));
        g.fillRect(0, 0, 300, 200);
        g.setColor(new Color(40, 40, 50));
        g.fillRoundRect(60, 80, 180, 70, 30, 30);
        g.fillRect(150, 50, 70, 60);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
