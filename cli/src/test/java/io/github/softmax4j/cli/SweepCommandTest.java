package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.experiment.SweepFiles;
import io.github.softmax4j.experiment.SweepGrid;
import io.github.softmax4j.train.LearningRateSchedule;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void aShortSweepOnTheRealDataRanksOnValidationAndTestsTheWinnerOnce() throws IOException {
        Path out = dir.resolve("sweep");
        CliRun run = CliRun.of("sweep", "--data-dir", RealData.dir().toString(), "--lr", "0.03,0.3", "--batch-size",
                "256", "--epochs", "2", "--seeds", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("4 runs (2 settings x 2 seeds) of 2 epochs, 10000 held out for validation"),
                run.out());
        String last = run.out().lines().filter(line -> line.startsWith("[  4/4]")).findFirst().orElseThrow();
        assertFalse(last.contains("left"), "nothing is left after the last run: " + last);
        assertFalse(run.out().contains("about 0 s left"), run.out());
        assertTrue(run.out().contains("rank          lr   val acc (mean ± sd)  epoch  seconds  runs"), run.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        JsonNode winner = json.get("winner");
        assertTrue(winner.get("test_acc").asDouble() > 0.75, winner.toString());
        assertTrue(run.out().contains("winner:  " + winner.get("run").asText()), run.out());
        int tested = 0;
        for (JsonNode entry : json.get("runs")) {
            tested += entry.get("test_acc").isNull() ? 0 : 1;
            assertTrue(Files.isRegularFile(out.resolve(entry.get("name").asText()).resolve("model.safetensors")));
        }
        assertEquals(1, tested, "the test set is evaluated for the winner alone");
        assertTrue(Files.readString(out.resolve("sweep.html")).contains("Validation accuracy against the learning rate"));
        BufferedImage chart = ImageIO.read(out.resolve("sweep.png").toFile());
        assertTrue(chart.getWidth() > 300 && chart.getHeight() > 200);

        CliRun compare = CliRun.of("compare", out.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.out().contains("val acc (mean ± sd)"), compare.out());
        assertTrue(Files.isRegularFile(dir.resolve("c.png")));
    }

    @Test
    void badGridsAndFoldersAreBadOptions() throws IOException {
        CliRun repeated = CliRun.of("sweep", "--lr", "0.1,50,0.1", "--out", dir.resolve("s").toString());
        assertEquals(2, repeated.exitCode());
        assertTrue(repeated.err().startsWith("softmax4j sweep: the learning rates 0.1, 50, 0.1 repeat a value; give each value once\n"),
                repeated.err());
        CliRun schedules = CliRun.of("sweep", "--lr-schedule", "cosine,cosine", "--out", dir.resolve("s").toString());
        assertTrue(schedules.err().startsWith("softmax4j sweep: the schedules cosine, cosine repeat a value; give each value once\n"),
                schedules.err());
        CliRun negative = CliRun.of("sweep", "--lr", "0.1,-2", "--out", dir.resolve("s").toString());
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().lines().findFirst().orElseThrow().endsWith("--lr must be finite and > 0, got -2"),
                negative.err());
        CliRun noValidation = CliRun.of("sweep", "--validation", "0", "--out", dir.resolve("s").toString());
        assertEquals(2, noValidation.exitCode());
        assertTrue(noValidation.err().contains("--validation must be > 0: a sweep chooses on held-out images"), noValidation.err());
        Files.writeString(Files.createDirectories(dir.resolve("taken")).resolve("mine.txt"), "keep");
        CliRun taken = CliRun.of("sweep", "--out", dir.resolve("taken").toString());
        assertEquals(2, taken.exitCode());
        assertTrue(taken.err().contains("already exists"), taken.err());
        CliRun notASweep = CliRun.of("sweep", "--resume", dir.resolve("taken").toString());
        assertEquals(2, notASweep.exitCode());
        assertTrue(notASweep.err().startsWith("softmax4j sweep: --resume " + dir.resolve("taken") + " holds no "
                + "sweep.json; give the folder of a sweep softmax4j started\n"), notASweep.err());
        assertTrue(notASweep.err().contains("Usage: softmax4j sweep"), notASweep.err());
        assertFalse(Files.exists(dir.resolve("s")));
    }

    @Test
    void compareLeavesOutUnfinishedRunsAndWantsAnHtmlPage() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        String config = "\"config\": {\"learning_rate\": 0.1, \"batch_size\": 256, \"epochs\": 10, \"seed\": 1}";
        String epoch = "{\"epoch\": 1, \"lr\": 0.1, \"train_loss\": 0.6, \"train_acc\": 0.8, \"test_acc\": 0.8, "
                + "\"seconds\": 0.1}";
        Files.writeString(Files.createDirectories(runs.resolve("done")).resolve("metrics.json"),
                "{\"status\": \"finished\", " + config + ", \"epochs\": [" + epoch + "]}");
        Files.writeString(Files.createDirectories(runs.resolve("killed")).resolve("metrics.json"),
                "{\"status\": \"running\", \"pid\": 2147483647, " + config + ", \"epochs\": [" + epoch + "]}");
        CliRun run = CliRun.of("compare", runs.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("left out, not finished: killed (interrupted)"), run.out());
        assertTrue(run.out().contains("   1  "), run.out());
        assertTrue(run.out().contains("  1\n"), "only the finished run is ranked: " + run.out());

        CliRun png = CliRun.of("compare", runs.toString(), "--out", dir.resolve("c.png").toString());
        assertEquals(2, png.exitCode());
        assertTrue(png.err().contains("compare writes an HTML page (and the chart beside it as .png); give a name "
                + "ending in .html"), png.err());
    }

    @Test
    void aThreadCountAboveTheProcessorsIsLoweredWithANoteNamingTheCommand() {
        CliRun run = CliRun.of("sweep", "--threads", "1024", "--validation", "0", "--out", dir.resolve("s").toString());
        assertEquals(2, run.exitCode());
        assertEquals("softmax4j sweep: --threads 1024 is more than the " + Threads.cap() + " processors available; "
                + "using " + Threads.cap(), run.err().lines().findFirst().orElseThrow(), run.err());
    }

    @Test
    void compareShowsLearningRatesAsTheyAreTyped() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        // metrics.json holds a float setting as Jackson writes it: 50.0, 0.1, 1.0E-4
        List<String> typed = List.of("50.0", "0.1", "1.0E-4");
        for (int i = 0; i < typed.size(); i++) {
            String config = "\"config\": {\"learning_rate\": " + typed.get(i) + ", \"batch_size\": 256, "
                    + "\"epochs\": 1, \"seed\": 1}";
            String epoch = "{\"epoch\": 1, \"lr\": " + typed.get(i) + ", \"train_loss\": 0.6, \"train_acc\": 0.8, "
                    + "\"test_acc\": 0.8" + (3 - i) + ", \"seconds\": 0.1}";
            Files.writeString(Files.createDirectories(runs.resolve("run" + i)).resolve("metrics.json"),
                    "{\"status\": \"finished\", " + config + ", \"epochs\": [" + epoch + "]}");
        }
        Path page = dir.resolve("c.html");
        CliRun run = CliRun.of("compare", runs.toString(), "--out", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rates = run.out().lines().filter(line -> line.matches(" +[0-9]+ .*"))
                .map(line -> line.trim().split(" +")[1]).toList();
        assertEquals(List.of("50", "0.1", "0.0001"), rates, run.out());
        String html = Files.readString(page);
        assertTrue(html.contains("<td>50</td>") && html.contains("<td>0.0001</td>") && !html.contains("<td>50.0</td>"), html);
    }

    @Test
    void copiesOfARunInFoldersOfOneNameAreNamedByTheirFoldersAndTheirSpreadSaysWhyThereIsNone() throws IOException {
        writeRun(dir.resolve("a/run"), 0.1, 256, true);
        writeRun(dir.resolve("b/run"), 0.1, 256, true);
        Path page = dir.resolve("c.html");
        CliRun run = CliRun.of("compare", dir.resolve("a/run").toString(), dir.resolve("b/run").toString(), "--out",
                page.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> table = run.out().lines().filter(line -> line.startsWith("rank") || line.matches(" +[0-9]+ .*"))
                .toList();
        assertEquals(2, table.size(), run.out());
        assertTrue(table.get(1).contains("0.8200 ± - (one seed)"), "two runs of one seed: " + run.out());
        assertEquals(table.get(0).indexOf("epoch") + "epoch".length(), table.get(1).indexOf("2.0") + "2.0".length(),
                "the columns after the spread line up with their headings:\n" + run.out());
        String html = Files.readString(page);
        assertTrue(html.contains("<td>0.8200 ± - (one seed)</td>"), html);
        assertTrue(html.contains("<td class=\"name\">a/run, b/run</td>"), "named as the legend names them: " + html);

        // two copies of a sweep: each run by its sweep's folder
        for (String sweep : new String[] {"x", "y"}) {
            writeRun(dir.resolve("sweeps/" + sweep + "/lr0.1-seed1"), 0.1, 256, true);
            writeRun(dir.resolve("sweeps/" + sweep + "/lr0.3-seed1"), 0.3, 256, true);
        }
        CliRun sweeps = CliRun.of("compare", dir.resolve("sweeps/x").toString(), dir.resolve("sweeps/y").toString(),
                "--out", page.toString());
        assertEquals(0, sweeps.exitCode(), sweeps.err());
        String copies = Files.readString(page);
        assertTrue(copies.contains("<td class=\"name\">x/lr0.1-seed1, y/lr0.1-seed1</td>")
                && copies.contains("<td class=\"name\">x/lr0.3-seed1, y/lr0.3-seed1</td>"), copies);
    }

    @Test
    void aRunGivenTwiceIsComparedOnce() throws IOException {
        Path run = dir.resolve("runs/a");
        writeRun(run, 0.1, 256, true);
        Path page = dir.resolve("twice.html");
        CliRun twice = CliRun.of("compare", run.toString(), dir.resolve("runs").toString(), "--out", page.toString());
        assertEquals(0, twice.exitCode(), twice.err());
        List<String> ranked = twice.out().lines().filter(line -> line.matches(" +[0-9]+ .*")).toList();
        assertEquals(1, ranked.size(), twice.out());
        assertTrue(ranked.get(0).strip().endsWith(" 1"), "one run: " + ranked.get(0));
        assertTrue(Files.readString(page).contains("<title>softmax4j comparison of 1 run</title>"));
    }

    // a finished run of two epochs: validated on 10000 held-out images, or tested every epoch
    private static void writeRun(Path dir, double lr, int batch, boolean validated) throws IOException {
        String config = "\"config\": {\"learning_rate\": " + lr + ", \"batch_size\": " + batch + ", \"epochs\": 2, "
                + "\"seed\": 1, \"validation\": " + (validated ? 10000 : 0) + "}";
        String epochs = "";
        for (int e = 1; e <= 2; e++) {
            epochs += (e > 1 ? ", " : "") + "{\"epoch\": " + e + ", \"lr\": " + lr + ", \"train_loss\": 0.6, "
                    + "\"train_acc\": 0.8, " + (validated ? "\"val_loss\": 0.5, \"val_acc\": 0.8" + e
                    : "\"test_acc\": 0.7" + e) + ", \"seconds\": 0.1}";
        }
        Files.writeString(Files.createDirectories(dir).resolve("metrics.json"),
                "{\"status\": \"finished\", " + config + ", \"epochs\": [" + epochs + "]}");
    }

    private static int pixels(BufferedImage image, int rgb) {
        int found = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                found += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return found;
    }

    // the page's first picture, the curves of every run
    private static BufferedImage curves(String html) throws IOException {
        String marker = "src=\"data:image/png;base64,";
        int start = html.indexOf(marker) + marker.length();
        return ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(
                html.substring(start, html.indexOf('"', start)))));
    }

    private record Compared(CliRun run, Path page) {
    }

    /** {@code compare} of the runs under {@code runs}, into c.html: the run, which succeeded, and its page. */
    private Compared compared(Path runs) {
        Path page = dir.resolve("c.html");
        CliRun run = CliRun.of("compare", runs.toString(), "--out", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        return new Compared(run, page);
    }

    @Test
    void compareDrawsRunsWithAndWithoutValidationInBothChartsSayingWhichAccuracyEachIs() throws IOException {
        Path runs = dir.resolve("runs");
        writeRun(runs.resolve("held-out"), 0.1, 64, true);
        writeRun(runs.resolve("tested"), 0.1, 256, false);
        String html = Files.readString(compared(runs).page());
        assertTrue(html.contains("<h2>Curves of validation or test accuracy</h2>"), html);
        // on the curves, batch 64 is drawn in the first colour, batch 256 in the second
        BufferedImage curves = curves(html);
        assertTrue(pixels(curves, 0x1F77B4) > 20, "the run with validation is drawn");
        assertTrue(pixels(curves, 0xFF7F0E) > 20, "the run without is drawn too");
        // one learning rate: the chart beside the page is drawn against the batch size, both runs in
        // the colour of that rate, batch 64 on the left and 256 on the right
        BufferedImage bySetting = ImageIO.read(dir.resolve("c.png").toFile());
        int width = bySetting.getWidth();
        assertTrue(pixels(bySetting.getSubimage(0, 0, width / 4, bySetting.getHeight()), 0x1F77B4) > 5,
                "the run with validation is drawn");
        assertTrue(pixels(bySetting.getSubimage(width / 2, 0, width / 4, bySetting.getHeight()), 0x1F77B4) > 5,
                "the run without is drawn too");
    }

    @Test
    void aValidationSplitThatIsOffReadsAsTheConfigLineSaysItInTheTableAndOnThePage() throws IOException {
        Path runs = dir.resolve("runs");
        writeRun(runs.resolve("held-out"), 0.1, 64, true);
        writeRun(runs.resolve("tested"), 0.1, 64, false);
        Compared compared = compared(runs);
        String table = compared.run().out();
        String tested = table.lines().filter(line -> line.endsWith("(test)")).findFirst().orElseThrow();
        assertTrue(tested.matches(".* none .*"), table);
        assertTrue(table.lines().anyMatch(line -> line.endsWith("(val)") && line.matches(".* 10000 .*")), table);
        String html = Files.readString(compared.page());
        assertTrue(html.contains("<td>none</td>"), html);
        assertFalse(html.contains("<td>0</td>"), html);
    }

    @Test
    void theComparePageIsHeadedInTheWordsOfTheTablePrinted() throws IOException {
        Path runs = dir.resolve("runs");
        writeRun(runs.resolve("a"), 0.1, 64, true);
        writeRun(runs.resolve("b"), 0.03, 256, true);
        Compared compared = compared(runs);
        CliRun run = compared.run();
        assertTrue(run.out().contains("rank          lr  batch size   val acc (mean ± sd)  epoch  seconds  runs"),
                run.out());
        String html = Files.readString(compared.page());
        assertTrue(html.contains("<tr><th>rank</th><th>lr</th><th>batch size</th><th>val acc (mean ± sd)</th>"
                + "<th>epoch</th><th>seconds</th>"), html);
        assertFalse(html.contains("learning_rate") || html.contains("batch_size"), html);
    }

    @Test
    void theTimeLeftReadsAsAPersonWouldSayIt() {
        assertEquals("less than 1 s left", SweepCommand.timeLeft(0.3));
        assertEquals("about 1 s left", SweepCommand.timeLeft(0.6));
        assertEquals("about 42 s left", SweepCommand.timeLeft(42.4));
        assertEquals("about 1 min left", SweepCommand.timeLeft(59.7));
        assertEquals("about 1 min left", SweepCommand.timeLeft(71));
        assertEquals("about 2 min left", SweepCommand.timeLeft(100));
        assertEquals("about 59 min left", SweepCommand.timeLeft(59 * 60 + 29));
        assertEquals("about 1 h left", SweepCommand.timeLeft(59 * 60 + 31));
        assertEquals("about 1 h 5 min left", SweepCommand.timeLeft(3900));
        assertEquals("about 26 h left", SweepCommand.timeLeft(26 * 3600 + 10));
    }

    @Test
    void aSweepOfOneRunOfOneEpochSaysSoInTheSingular() {
        CliRun run = CliRun.of("sweep", "--data-dir", RealData.dir().toString(), "--epochs", "1", "--batch-size",
                "1024", "--out", dir.resolve("one").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(" 1 run (1 setting x 1 seed) of 1 epoch, 10000 held out"), run.out());
    }

    /** A finished sweep of two runs of one epoch in {@code name}. */
    private Path finishedSweep(String name) {
        Path out = dir.resolve(name);
        assertEquals(0, CliRun.of("sweep", "--data-dir", RealData.dir().toString(), "--lr", "0.1,0.3", "--epochs", "1",
                "--batch-size", "1024", "--out", out.toString()).exitCode());
        return out;
    }

    @Test
    void resumingACompleteSweepSaysSoAndTrainsAndWritesNothing() throws IOException {
        Path out = finishedSweep("done");
        Map<Path, FileTime> written = modified(out);
        CliRun again = CliRun.of("sweep", "--data-dir", RealData.dir().toString(), "--resume", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("", again.out());
        assertEquals("softmax4j sweep: " + out + " is complete: all 2 runs ended and were ranked, so nothing was "
                + "trained; the ranking is in " + out.resolve("sweep.html") + "; to train more, start a new sweep with "
                + "a larger --epochs", again.err().strip());
        assertEquals(written, modified(out));
    }

    @Test
    void resumingAFinishedSweepWithADamagedRunWritesItsMetricsAgain() throws IOException {
        Path out = finishedSweep("damaged");
        Path metrics;
        try (Stream<Path> files = Files.walk(out)) {
            metrics = files.filter(f -> f.endsWith("metrics.json")).findFirst().orElseThrow();
        }
        Files.writeString(metrics, "{\"status\": ");
        CliRun again = CliRun.of("sweep", "--data-dir", RealData.dir().toString(), "--resume", out.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("resume:  " + metrics.getParent() + ": its metrics.json was damaged (not valid "
                + "JSON at line 1, column 12), and is written again from the checkpoint\n"), again.out());
        JsonNode whole = new ObjectMapper().readTree(metrics.toFile());
        assertEquals("finished", whole.get("status").asText(), whole.toString());
    }

    @Test
    void resumingASweepWhoseEverySettingDivergedSaysSoAndFailsAsTheSweepDid() {
        Path out = dir.resolve("diverged");
        String data = RealData.dir().toString();
        CliRun first = CliRun.of("sweep", "--data-dir", data, "--lr", "1e30", "--epochs", "1", "--validation", "1000",
                "--batch-size", "1024", "--out", out.toString());
        assertEquals(1, first.exitCode(), first.err());
        assertTrue(first.out().contains("every setting diverged. Try smaller learning rates."), first.out());
        CliRun again = CliRun.of("sweep", "--data-dir", data, "--resume", out.toString());
        assertEquals(1, again.exitCode(), again.err());
        assertEquals("softmax4j sweep: " + out + " is complete: its run ended and was ranked, so nothing was trained, "
                + "but every setting diverged (the ranking is in " + out.resolve("sweep.html") + "); try smaller "
                + "learning rates in a new sweep", again.err().strip());
    }

    // every file of a sweep folder and of its runs' folders, with the time it was last written
    private static Map<Path, FileTime> modified(Path sweep) throws IOException {
        try (Stream<Path> files = Files.walk(sweep)) {
            Map<Path, FileTime> times = new TreeMap<>();
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith(RunLock.FILE_NAME)).toList()) {
                times.put(sweep.relativize(file), Files.getLastModifiedTime(file));
            }
            return times;
        }
    }

    @Test
    void compareNeedsRunFolders() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun none = CliRun.of("compare", empty.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(1, none.exitCode());
        Path other = Files.createDirectories(dir.resolve("other"));
        CliRun two = CliRun.of("compare", empty.toString(), other.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals("softmax4j compare: no run folders (folders with a metrics.json) in " + empty + ", " + other
                + "; give folders that softmax4j train or sweep wrote", two.err().strip());
        // a run killed with kill -9 has a metrics.json that still says running
        Path killed = Files.createDirectories(dir.resolve("k9"));
        Files.writeString(killed.resolve("metrics.json"), "{\"status\": \"running\", \"pid\": 2147483647, "
                + "\"config\": {\"learning_rate\": 0.1, \"batch_size\": 256, \"epochs\": 10, \"seed\": 1}, "
                + "\"epochs\": []}");
        CliRun unfinished = CliRun.of("compare", killed.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(1, unfinished.exitCode());
        assertEquals("softmax4j compare: no finished run in " + killed + ", only runs not finished (left out above); "
                + "continue with softmax4j train --resume " + killed + ", or give folders that hold a finished run",
                unfinished.err().strip());
        // two left out: the command's pattern, for each
        Path secondKilled = Files.createDirectories(dir.resolve("k9b"));
        Files.copy(killed.resolve("metrics.json"), secondKilled.resolve("metrics.json"));
        CliRun both = CliRun.of("compare", killed.toString(), secondKilled.toString(), "--out",
                dir.resolve("c.html").toString());
        assertTrue(both.err().strip().endsWith("continue them with softmax4j train --resume DIR (a sweep's with sweep "
                + "--resume), or give folders that hold a finished run"), both.err());
        CliRun missing = CliRun.of("compare", dir.resolve("nothing").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("DIR " + dir.resolve("nothing") + " does not exist; "), missing.err());
    }

    @Test
    void compareDrawsTheTestAccuracyOfRunsThatHeldOutNoValidationSet() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        for (String lr : new String[] {"0.1", "0.3"}) {
            String config = "\"config\": {\"learning_rate\": " + lr + ", \"batch_size\": 256, \"epochs\": 2, \"seed\": 1}";
            String epochs = "{\"epoch\": 1, \"lr\": " + lr + ", \"train_loss\": 0.6, \"train_acc\": 0.8, \"test_acc\": 0.79, "
                    + "\"seconds\": 0.1}, {\"epoch\": 2, \"lr\": " + lr + ", \"train_loss\": 0.5, \"train_acc\": 0.82, "
                    + "\"test_acc\": 0.81, \"seconds\": 0.1}";
            Files.writeString(Files.createDirectories(runs.resolve("lr" + lr)).resolve("metrics.json"),
                    "{\"status\": \"finished\", " + config + ", \"epochs\": [" + epochs + "]}");
        }
        Path page = dir.resolve("c.html");
        CliRun run = CliRun.of("compare", runs.toString(), "--out", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("0.8100 ± -"), "one run per setting has no spread: " + run.out());
        String html = Files.readString(page);
        assertTrue(html.contains("Test accuracy against the learning rate") && html.contains("Curves of test accuracy")
                && html.contains("These runs held out no validation set"), html);
        BufferedImage chart = ImageIO.read(dir.resolve("c.png").toFile());
        int drawn = 0;
        for (int y = 0; y < chart.getHeight(); y++) {
            for (int x = 0; x < chart.getWidth(); x++) {
                drawn += (chart.getRGB(x, y) & 0xFFFFFF) == 0x1F77B4 ? 1 : 0;
            }
        }
        assertTrue(drawn > 50, "the batch size's line is drawn: " + drawn + " pixels of its colour");
    }

    @Test
    void resumingASweepInUseIsRefusedBeforeTheDataIsLoaded() throws IOException {
        Path sweep = dir.resolve("sweep");
        SweepGrid grid = new SweepGrid(List.of(0.1f), List.of(256), List.of(0f), List.of(0f),
                List.of(new LearningRateSchedule.Constant()), List.of(PixelScaling.UNIT), List.of(0.01f), 1, 1, 10000, 0);
        SweepFiles.write(sweep, grid, List.of(), List.of(), null);
        try (RunLock held = RunLock.acquire(sweep)) {
            CliRun run = CliRun.of("sweep", "--resume", sweep.toString(), "--data-dir", RealData.dir().toString());
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("softmax4j sweep: " + sweep + " is in use by softmax4j process "),
                    run.err());
            assertEquals("", run.out(), "neither the data nor the sweep's banner before the refusal");
        }
    }
}
