package io.github.softmax4j.board;

import com.sun.net.httpserver.HttpServer;
import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.experiment.RunLock;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The board: a web page and its JSON API over the run folders under one folder, served by the
 * JDK's HTTP server. It only reads that folder. A fixed pool of {@link #WORKERS} threads answers
 * requests (at most {@link EventHub#MAX_STREAMS} of them held by open event streams); the folder
 * is read again every {@link #REFRESH_MILLIS} ms and changes go out as server-sent events.
 * Starting a board sets two system properties of the JDK's HTTP server for the whole JVM:
 * {@code sun.net.httpserver.maxReqTime} (30 s) and {@code sun.net.httpserver.nodelay} (true).
 * <pre>{@code
 * try (Board board = Board.start(Path.of("runs"), new InetSocketAddress("127.0.0.1", 8080), null)) {
 *     System.out.println(board.address());
 *     board.awaitStop();
 * }
 * }</pre>
 */
public final class Board implements AutoCloseable {
    /** Worker threads answering requests. */
    public static final int WORKERS = 16;
    /** How often the folder is read for new runs and epochs. */
    public static final long REFRESH_MILLIS = 250;
    /** A client has this long to send a request's headers and body. */
    static final int REQUEST_SECONDS = 30;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService watcher;
    private final EventHub hub;
    private final Object stopped = new Object();
    private boolean closed;

    private Board(HttpServer server, ExecutorService workers, ScheduledExecutorService watcher, EventHub hub) {
        this.server = server;
        this.workers = workers;
        this.watcher = watcher;
        this.hub = hub;
    }

    /**
     * Starts serving {@code dir} at {@code address} (port 0 picks a free port).
     *
     * @param dataDir the folder of the Fashion-MNIST files for confusion matrices, or null to look
     *                where training looks
     * @throws java.net.BindException if the address is in use or not this machine's
     */
    public static Board start(Path dir, InetSocketAddress address, Path dataDir) throws IOException {
        // the JDK server closes a connection whose request is not read within this time (seconds)
        System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(REQUEST_SECONDS));
        // it writes an answer's headers and body separately; without this, the body waits for the
        // client's delayed acknowledgement of the headers (measured: 171 -> 345 predictions/s)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        EventHub hub = new EventHub();
        RunIndex index = new RunIndex(dir, hub, Clock.systemUTC(), RunLock::running);
        index.refresh();
        ModelCache models = new ModelCache();
        Uploads uploads = new Uploads();
        TestImages testImages = new TestImages(DataLocator.standard(FashionMnist.DATA_SET), dataDir);
        Router router = new Router(index, address.getAddress().isLoopbackAddress(), new Router.Routes(
                new RunListRoute(index), new RunRoute(index), new SweepListRoute(index), new SweepRoute(),
                new PictureRoute(dir), new PredictRoute(models, uploads), new PrepareRoute(uploads),
                new ConfusionRoute(models, testImages), new ConfusionCellRoute(models, testImages),
                new EventsRoute(hub, index), new FolderRoute(index), new AssetRoute()));
        HttpServer server = HttpServer.create(address, 64);
        server.createContext("/", router);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemonThreads("softmax4j-board-"));
        server.setExecutor(workers);
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(daemonThreads("softmax4j-watch-"));
        watcher.scheduleWithFixedDelay(index::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        server.start();
        return new Board(server, workers, watcher, hub);
    }

    /**
     * The page's address as a person types it, for example {@code http://127.0.0.1:8080/}: a board
     * listening on every interface ({@link #allInterfaces()}) is at {@code http://localhost:PORT/},
     * and an IPv6 address is written short ({@code http://[::1]:PORT/}).
     */
    public URI address() {
        InetSocketAddress bound = server.getAddress();
        InetAddress ip = bound.getAddress();
        String host = ip.isAnyLocalAddress() ? "localhost"
                : ip instanceof Inet6Address ? "[" + shortIpv6(ip.getHostAddress()) + "]" : ip.getHostAddress();
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    /** Whether the board listens on every interface of the machine (it was given 0.0.0.0 or ::). */
    public boolean allInterfaces() {
        return server.getAddress().getAddress().isAnyLocalAddress();
    }

    // "fe80:0:0:0:0:0:0:1%2" -> "fe80::1%252": the longest run of two or more zero groups (the first of
    // equals) becomes "::" (RFC 5952), and a zone is escaped as a URI needs it (RFC 6874)
    static String shortIpv6(String full) {
        int zoneAt = full.indexOf('%');
        String zone = zoneAt < 0 ? "" : "%25" + full.substring(zoneAt + 1);
        String[] groups = (zoneAt < 0 ? full : full.substring(0, zoneAt)).split(":");
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int length = 0;
            while (i + length < groups.length && groups[i + length].matches("0+")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups) + zone;
        }
        return String.join(":", Arrays.copyOfRange(groups, 0, bestStart)) + "::"
                + String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length)) + zone;
    }

    /** Blocks until {@link #close()} is called (from another thread or a shutdown hook). */
    public void awaitStop() throws InterruptedException {
        synchronized (stopped) {
            while (!closed) {
                stopped.wait();
            }
        }
    }

    /** Ends the event streams, stops listening and stops the threads. */
    @Override
    public void close() {
        watcher.shutdownNow();
        hub.closeAll();
        server.stop(0);
        workers.shutdownNow();
        synchronized (stopped) {
            closed = true;
            stopped.notifyAll();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
