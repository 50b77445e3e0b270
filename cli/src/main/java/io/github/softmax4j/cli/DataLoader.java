package io.github.softmax4j.cli;

import io.github.softmax4j.data.DataLocator;
import io.github.softmax4j.data.DataSource;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.Downloader;
import io.github.softmax4j.data.IdxDataSet;
import io.github.softmax4j.data.IdxDataSet.Part;
import io.github.softmax4j.data.TrainTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, downloads if need be, and loads a data set for a command, telling the user where the
 * data came from; download progress goes to stderr.
 */
final class DataLoader {
    private final String command;
    private final IdxDataSet dataSet;
    private final DataLocator locator;
    private final Downloader downloader;

    /** {@code command} begins the lines this prints, as every line of the tool begins: "softmax4j train". */
    DataLoader(String command, IdxDataSet dataSet, DataLocator locator, Downloader downloader) {
        this.command = command;
        this.dataSet = dataSet;
        this.locator = locator;
        this.downloader = downloader;
    }

    static DataLoader standard(String command, IdxDataSet dataSet) {
        return new DataLoader(command, dataSet, DataLocator.standard(dataSet), Downloader.official(dataSet));
    }

    /** Loads the data set from {@code dataDir} (null: search), printing its origin to {@code out}. */
    TrainTest load(Path dataDir, PrintWriter out, PrintWriter err) throws IOException {
        DataSource source = find(dataDir, Part.ALL, err);
        TrainTest data = dataSet.load(source.dir());
        out.printf(Locale.ROOT, "data:    %s (%s), %d training and %d test images, checksums verified%n",
                source.dir(), source.origin(), data.train().size(), data.test().size());
        out.flush();
        return data;
    }

    /** Loads only the test images, for commands that use a trained model: the training images are not read. */
    Dataset loadTest(Path dataDir, PrintWriter out, PrintWriter err) throws IOException {
        DataSource source = find(dataDir, Part.TEST, err);
        Dataset test = dataSet.loadTest(source.dir());
        out.printf(Locale.ROOT, "data:    %s (%s), %d test images, checksums verified%n", source.dir(),
                source.origin(), test.size());
        out.flush();
        return test;
    }

    // downloads, when no place holds them, only the files of parts: a command that reads the test
    // set fetches the two test files
    private DataSource find(Path dataDir, Set<Part> parts, PrintWriter err) throws IOException {
        Optional<DataSource> found = locator.find(dataDir, parts);
        if (found.isPresent()) {
            return found.get();
        }
        Path cache = locator.cacheDir();
        err.println(command + ": " + dataSet.name() + (parts.equals(Part.ALL) ? "" : " test set")
                + " not found; downloading it into " + cache);
        try {
            downloader.downloadAll(cache, parts, new ProgressLine(err));
        } catch (IOException e) {
            throw new IOException(e.getMessage() + ". Install the data with 'sudo apt-get install "
                    + dataSet.where().packageName() + "', or pass --data-dir DIR for a folder holding "
                    + dataSet.names(parts), e);
        }
        return new DataSource(cache, "downloaded into the user cache");
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
