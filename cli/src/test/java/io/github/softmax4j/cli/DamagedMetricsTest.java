package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.train.MetricsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A metrics.json or sweep.json that is damaged is named in one line, never with the parser's own text. */
class DamagedMetricsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"{bad", "{\"status\": \"finished\", \"epochs\": [{\"epoch\": 1,", "[]"})
    void compareLeavesADamagedRunOutAndComparesTheRest(String damage) throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        copyTree(TrainedModel.runDir(), runs.resolve("good"));
        Files.writeString(Files.createDirectories(runs.resolve("bad")).resolve(MetricsFiles.JSON_FILE), damage);
        CliRun run = CliRun.of("compare", runs.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(0, run.exitCode(), run.err());
        String leftOut = run.out().lines().filter(line -> line.startsWith("left out")).findFirst().orElseThrow();
        assertTrue(leftOut.startsWith("left out, metrics.json is damaged: bad ("), leftOut);
        assertTrue(leftOut.endsWith("); continue with softmax4j train --resume " + runs.resolve("bad") + ", which "
                + "writes it again"), "what to do, though the other run is compared: " + leftOut);
        assertFalse(run.out().contains("Source") || run.out().contains("REDACTED"), run.out());
        assertTrue(run.out().contains("page:"), "the good run is compared: " + run.out());
        String page = Files.readString(dir.resolve("c.html"));
        assertTrue(page.contains("<li class=\"left-out\">" + leftOut.substring("left out, ".length())
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;") + "</li>"),
                "the page names it, why and what to do, as the terminal does: " + page.lines()
                .filter(line -> line.contains("left-out")).toList());
        assertTrue(run.err().isEmpty(), run.err());
    }

    @Test
    void damagedRunsInFoldersOfOneNameAreNamedApart() throws IOException {
        copyTree(TrainedModel.runDir(), dir.resolve("good"));
        for (String parent : new String[] {"a", "b"}) {
            Files.writeString(Files.createDirectories(dir.resolve(parent).resolve("run")).resolve(MetricsFiles.JSON_FILE),
                    "{bad");
        }
        CliRun run = CliRun.of("compare", dir.resolve("good").toString(), dir.resolve("a/run").toString(),
                dir.resolve("b/run").toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(0, run.exitCode(), run.err());
        String leftOut = run.out().lines().filter(line -> line.startsWith("left out")).findFirst().orElseThrow();
        assertTrue(leftOut.matches("left out, metrics.json is damaged: a/run \\(.*\\), b/run \\(.*\\); continue them "
                + "with softmax4j train --resume DIR \\(a sweep's with sweep --resume\\), which writes each again"), leftOut);
    }

    @Test
    void compareShowsEscapesInFolderNamesStatusesAndSettingsAsText() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        for (String schedule : new String[] {"constant", "\\u001b[2J"}) {
            String config = "\"config\": {\"learning_rate\": 0.1, \"batch_size\": 256, \"epochs\": 1, \"seed\": 1, "
                    + "\"lr_schedule\": \"" + schedule + "\"}";
            Files.writeString(Files.createDirectories(runs.resolve("s" + schedule.length())).resolve(MetricsFiles.JSON_FILE),
                    "{\"status\": \"finished\", " + config + ", \"epochs\": [{\"epoch\": 1, \"lr\": 0.1, "
                            + "\"train_loss\": 0.5, \"train_acc\": 0.8, \"test_acc\": 0.8, \"seconds\": 0.1}]}");
        }
        Files.writeString(Files.createDirectories(runs.resolve("bad\u001b[1m")).resolve(MetricsFiles.JSON_FILE),
                "{\"status\": \"\\u001b[31mred\", \"epochs\": []}");
        Files.writeString(Files.createDirectories(runs.resolve("stopped\u001b[1m")).resolve(MetricsFiles.JSON_FILE),
                "{\"status\": \"interrupted\", \"epochs\": []}");
        CliRun run = CliRun.of("compare", runs.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("\u001b"), run.out());
        assertTrue(run.out().contains("left out, not finished: stopped\uFFFD[1m (interrupted)"), run.out());
        assertTrue(run.out().contains("left out, metrics.json is damaged: bad\uFFFD[1m (unknown run status "
                + "'\uFFFD[31mred')"), run.out());
        assertTrue(run.out().contains("\uFFFD[2J"), run.out());
    }

    @Test
    void compareOfOnlyADamagedRunSaysItIsLeftOutAndHowToContinue() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve(MetricsFiles.JSON_FILE), "{bad");
        CliRun run = CliRun.of("compare", bad.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(1, run.exitCode());
        assertEquals("left out, metrics.json is damaged: bad (not valid JSON at line 1, column 2); continue with "
                + "softmax4j train --resume " + bad + ", which writes it again", run.out().strip());
        assertEquals("softmax4j compare: no finished run in " + bad + ", only runs left out above; continue with "
                + "softmax4j train --resume " + bad + ", or give folders that hold a finished run", run.err().strip());
    }

    @Test
    void aDamagedSweepJsonIsNamedInOneLine() throws IOException {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        Files.writeString(sweep.resolve("sweep.json"), "{\"grid\": {\"learning_rate\": [0.1,");
        CliRun run = CliRun.of("sweep", "--resume", sweep.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("softmax4j sweep: " + sweep.resolve("sweep.json") + " is damaged (not valid JSON at line 1, "
                + "column 33); start a new sweep with the settings you gave this one, in a new folder: softmax4j sweep "
                + "--out " + dir.resolve("sweep-2") + " plus those settings (--lr, --batch-size, ...)", run.err().strip());
    }

    @Test
    void aSweepJsonThatIsNotAnObjectIsNamedInOneLine() throws IOException {
        Path sweep = Files.createDirectories(dir.resolve("array"));
        // the new folder suggested is one that is free
        Files.createDirectories(dir.resolve("array-2"));
        Files.writeString(sweep.resolve("sweep.json"), "[1, 2]");
        CliRun run = CliRun.of("sweep", "--resume", sweep.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("softmax4j sweep: " + sweep.resolve("sweep.json") + " is damaged (not a sweep file: it needs an "
                + "object with \"grid\"); start a new sweep with the settings you gave this one, in a new folder: "
                + "softmax4j sweep --out " + dir.resolve("array-3") + " plus those settings (--lr, --batch-size, ...)",
                run.err().strip());
    }

    @Test
    void theNewFolderForADamagedSweepIsBesideItNamedAsTheUserNamedIt() throws IOException {
        Path sweep = Files.createDirectories(dir.resolve("sw"));
        Files.writeString(sweep.resolve("sweep.json"), "[1, 2]");
        String data = RealData.dir().toString();
        CliRun inside = OwnJvm.run(sweep, "sweep", "--resume", ".", "--data-dir", data);
        assertEquals(1, inside.exitCode(), inside.err());
        assertTrue(inside.err().strip().endsWith("in a new folder: softmax4j sweep --out ../sw-2 plus those settings "
                + "(--lr, --batch-size, ...)"), inside.err());
        CliRun above = OwnJvm.run(dir, "sweep", "--resume", "sw", "--data-dir", data);
        assertEquals(1, above.exitCode(), above.err());
        assertTrue(above.err().strip().endsWith("in a new folder: softmax4j sweep --out sw-2 plus those settings "
                + "(--lr, --batch-size, ...)"), above.err());
    }

    @Test
    void trainResumeWritesADamagedMetricsJsonAgain() throws IOException {
        Path run = dir.resolve("run");
        copyTree(TrainedModel.runDir(), run);
        Files.writeString(run.resolve(MetricsFiles.JSON_FILE), "{bad");
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(1, MetricsFiles.fromJson(Files.readAllBytes(run.resolve(MetricsFiles.JSON_FILE))).epochs().size());
        // the run was finished: the resume says that it only writes the file again
        String resume = resumed.out().lines().filter(line -> line.startsWith("resume:")).findFirst().orElseThrow();
        assertTrue(resume.matches("resume: +" + Pattern.quote(run.toString()) + " after epoch 1 of 1; "
                + "its metrics.json was damaged \\(.+\\), and is written again from the checkpoint"), resume);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals(".lock")) {
                    Files.copy(path, target);
                }
            }
        }
    }
}
