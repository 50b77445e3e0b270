package io.github.softmax4j.cli;

import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.DataSource;
import io.github.softmax4j.data.Downloader;
import io.github.softmax4j.data.FashionMnist;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds, downloads if need be, and loads Fashion-MNIST for a command, telling the user where the
 * data came from; download progress goes to stderr.
 */
final class DataLoader {
    private final DataLocator locator;
    private final Downloader downloader;

    DataLoader(DataLocator locator, Downloader downloader) {
        this.locator = locator;
        this.downloader = downloader;
    }

    static DataLoader standard() {
        return new DataLoader(DataLocator.standard(), Downloader.official());
    }

    /** Loads the data set from {@code dataDir} (null: search), printing its origin to {@code out}. */
    FashionMnist load(Path dataDir, PrintWriter out, PrintWriter err) throws IOException {
        Optional<DataSource> found = locator.find(dataDir);
        DataSource source;
        if (found.isPresent()) {
            source = found.get();
        } else {
            Path cache = locator.cacheDir();
            err.println("Fashion-MNIST not found; downloading it into " + cache);
            try {
                downloader.downloadAll(cache, new ProgressLine(err));
            } catch (IOException e) {
                throw new IOException(e.getMessage() + ". Install the data with 'sudo apt-get install "
                        + "dataset-fashion-mnist', or pass --data-dir DIR for a folder holding "
                        + FashionMnist.expectedNames(), e);
            }
            source = new DataSource(cache, "downloaded into the user cache");
        }
        FashionMnist data = FashionMnist.load(source.dir());
        out.printf(Locale.ROOT, "data:    %s (%s), %d training and %d test images, checksums verified%n",
                source.dir(), source.origin(), data.train().size(), data.test().size());
        out.flush();
        return data;
    }

    /** Redraws one line per file on stderr as a download advances, in steps of whole percents. */
    private static final class ProgressLine implements Downloader.Progress {
        private final PrintWriter err;
        private String file = "";
        private long lastShown = -1;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(String fileName, long bytesSoFar, long totalBytes) {
            if (!fileName.equals(file)) {
                file = fileName;
                lastShown = -1;
            }
            long step = totalBytes > 0 ? bytesSoFar * 100 / totalBytes : bytesSoFar >> 20;
            if (step == lastShown) {
                return;
            }
            lastShown = step;
            String amount = totalBytes > 0 ? step + "%" : step + " MiB";
            boolean done = totalBytes > 0 && bytesSoFar == totalBytes;
            err.print("\r  " + fileName + "  " + amount + (done ? System.lineSeparator() : ""));
            err.flush();
        }
    }
}
