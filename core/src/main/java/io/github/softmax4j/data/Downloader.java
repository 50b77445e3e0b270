package io.github.softmax4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Downloads a data set's .gz files (the four, or the two a command needs) from a mirror into a
 * folder. Each file is verified (the SHA-256 of its decompressed contents, so a mirror that
 * recompresses, as Debian does, is accepted) before it is moved into place, so only verified files
 * ever appear there. Connecting, every read and every whole file are bounded by timeouts, so a
 * stalled server cannot hang a run.
 */
public final class Downloader {
    /** Told how a download advances; {@code totalBytes} is -1 when the server does not say. */
    @FunctionalInterface
    public interface Progress {
        void update(String fileName, long bytesSoFar, long totalBytes);
    }

    private final IdxDataSet dataSet;
    private final URI mirror;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration fileTimeout;

    /**
     * A downloader of {@code dataSet} from {@code mirror} (a base URI ending in '/'): {@code connectTimeout} to
     * connect, {@code readTimeout} for any single read, and {@code fileTimeout} for a whole file,
     * so that a server trickling bytes cannot hold a run forever either.
     */
    public Downloader(IdxDataSet dataSet, URI mirror, Duration connectTimeout, Duration readTimeout, Duration fileTimeout) {
        this.dataSet = dataSet;
        this.mirror = mirror;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.fileTimeout = fileTimeout;
    }

    /** From the data set's mirror: 15 s to connect, 30 s for any single read, 10 minutes for a file. */
    public static Downloader official(IdxDataSet dataSet) {
        return new Downloader(dataSet, dataSet.where().mirror(), Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofMinutes(10));
    }

    /**
     * Downloads every file of {@code parts} that {@code dir} lacks. Throws an IOException saying
     * which file failed and why.
     */
    public void downloadAll(Path dir, Set<IdxDataSet.Part> parts, Progress progress) throws IOException {
        for (IdxDataSet.Part part : parts) {
            if (dataSet.find(part, dir) == null) {
                download(part, dir.resolve(dataSet.file(part).gzipFileName()), progress);
            }
        }
    }

    private void download(IdxDataSet.Part part, Path target, Progress progress) throws IOException {
        String fileName = dataSet.file(part).gzipFileName();
        URL url = mirror.resolve(fileName).toURL();
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setConnectTimeout((int) connectTimeout.toMillis());
            connection.setReadTimeout((int) readTimeout.toMillis());
            try {
                int status = connection.getResponseCode();
                if (status != HttpURLConnection.HTTP_OK) {
                    throw new IOException("server answered HTTP " + status);
                }
                long total = connection.getContentLengthLong();
                long deadline = System.nanoTime() + fileTimeout.toNanos();
                AtomicFiles.write(target, out -> {
                    byte[] buffer = new byte[1 << 16];
                    long received = 0;
                    try (InputStream in = connection.getInputStream()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            out.write(buffer, 0, n);
                            received += n;
                            progress.update(fileName, received, total);
                            if (System.nanoTime() > deadline) {
                                throw new IOException("gave up after " + fileTimeout.toSeconds() + " s with " + received
                                        + " bytes received; the server is too slow");
                            }
                        }
                    }
                    if (total >= 0 && received != total) {
                        throw new IOException("connection closed after " + received + " of " + total + " bytes");
                    }
                }, written -> dataSet.verify(written, part));
            } finally {
                connection.disconnect();
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("could not download " + url + ": no data for " + readTimeout.toSeconds()
                    + " s (" + e.getMessage() + ")", e);
        } catch (UnknownHostException e) {
            // its message is the bare host name
            throw new IOException("could not download " + url + ": the host " + url.getHost()
                    + " is unknown (no network, or no name server answers)", e);
        } catch (IOException e) {
            throw new IOException("could not download " + url + ": " + e.getMessage(), e);
        }
    }
}
