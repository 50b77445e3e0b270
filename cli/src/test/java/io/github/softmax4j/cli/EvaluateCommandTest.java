package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.LockProcess;
import io.github.softmax4j.experiment.Sweep;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.model.SoftmaxRegression;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.MetricsFiles;
import io.github.softmax4j.train.RunMetrics;
import io.github.softmax4j.train.RunStatus;
import io.github.softmax4j.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    Path dir;

    private static double trainedTestAccuracy() throws IOException {
        JsonNode metrics = new ObjectMapper().readTree(TrainedModel.runDir().resolve("metrics.json").toFile());
        JsonNode epochs = metrics.get("epochs");
        return epochs.get(epochs.size() - 1).get("test_acc").asDouble();
    }

    @Test
    void theModelOfARunThatDivergedAtOnceIsUsedWithANoteThatItIsUntrained() {
        Path run = dir.resolve("diverged");
        CliRun train = CliRun.of("train", "--lr", "1e7", "--epochs", "1", "--out", run.toString());
        assertEquals(1, train.exitCode(), train.err());
        Path model = run.resolve("model.safetensors");
        String note = "note: the run in " + run.toAbsolutePath() + " diverged in its first epoch, so " + model
                + " is its untrained starting model (right about one time in ten); train it again with a smaller --lr";
        CliRun evaluate = CliRun.of("evaluate", model.toString(), "--chart", dir.resolve("c.png").toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains("softmax4j evaluate: " + note), evaluate.err());
        CliRun predict = CliRun.of("predict", model.toString(), "--test-index", "0");
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.err().contains("softmax4j predict: " + note), predict.err());
        CliRun trained = CliRun.of("predict", TrainedModel.model().toString(), "--test-index", "0");
        assertFalse(trained.err().contains("note:"), trained.err());
    }

    @Test
    void theNoteOnAnUntrainedModelNamesItsRunAsTheModelIsGiven() throws IOException {
        Path run = Files.createDirectories(dir.resolve("div"));
        Files.copy(TrainedModel.model(), run.resolve("model.safetensors"));
        Files.writeString(run.resolve("metrics.json"), "{\"status\": \"diverged\", \"config\": {}, \"epochs\": []}");
        // relative to the current folder, as a user in another folder would give it
        Path given = Path.of("").toAbsolutePath().relativize(run.resolve("model.safetensors"));
        CliRun predict = CliRun.of("predict", given.toString(), "--test-index", "0");
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.err().contains("softmax4j predict: note: the run in " + given.getParent() + " diverged in "
                + "its first epoch, so " + given + " is its untrained starting model"), predict.err());
        CliRun bare = OwnJvm.run(run, "predict", "model.safetensors", "--test-index", "0");
        assertTrue(bare.err().contains("note: the run in the current folder diverged in its first epoch, so "
                + "model.safetensors is"), bare.err());
    }

    @Test
    void theReadmesThresholdTableIsADefaultRunsWithEveryCutMarked() throws IOException {
        String data = RealData.dir().toString();
        Path run = dir.resolve("default");
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--out", run.toString()).exitCode());
        CliRun evaluate = CliRun.of("evaluate", run.resolve("model.safetensors").toString(), "--data-dir", data);
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        List<String> rows = evaluate.out().lines().dropWhile(line -> !line.startsWith("threshold "))
                .skip(1).takeWhile(line -> line.matches(" +[0-9.]+ .*")).toList();
        assertEquals(12, rows.size(), evaluate.out());
        String readme = Files.readString(Path.of("..", "README.md"));
        String quoted = readme.substring(readme.indexOf("threshold  answered  accuracy\n"));
        List<String> lines = quoted.substring(0, quoted.indexOf("```")).lines().skip(1).toList();
        // each quoted row is the run's, in order; '  ...' stands exactly where rows are left out
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.equals("  ...")) {
                int resume = i + 1 < lines.size() ? rows.indexOf(lines.get(i + 1)) : rows.size();
                assertTrue(resume > next, "'...' after row " + next + " stands for rows left out: " + lines);
                next = resume;
            } else {
                assertTrue(next < rows.size(), "a row past the last: " + line);
                assertEquals(rows.get(next), line, "the README quotes the rows in order, each cut marked: " + lines);
                next++;
            }
        }
        assertEquals(rows.size(), next, "the README marks the rows left out at the end: " + lines);
    }

    @Test
    void accuracyIsTheOneTheTrainingRunReported() throws IOException {
        Path chart = dir.resolve("rc.png");
        CliRun run = CliRun.of("evaluate", TrainedModel.model().toString(), "--chart", chart.toString(),
                "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(String.format(Locale.ROOT, "test accuracy: %.4f", trainedTestAccuracy())), run.out());
        assertTrue(run.out().contains("class        precision  recall     F1  support"), run.out());
        assertTrue(run.out().contains("threshold  answered  accuracy"), run.out());
        assertTrue(ImageIO.read(chart.toFile()).getWidth() > 300, "the risk-coverage chart");
    }

    @Test
    void theDefaultChartIsNamedAsTheModelWasGiven() throws IOException {
        Path model = Files.copy(TrainedModel.model(), dir.resolve("model.safetensors"));
        Path given = Path.of("").toAbsolutePath().relativize(model);
        Path chart = given.resolveSibling("risk-coverage.png");
        CliRun run = CliRun.of("evaluate", given.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("model:   " + given + "\n"), run.out());
        assertTrue(run.out().contains("chart:   " + chart + "\n"), run.out());
        CliRun json = CliRun.of("evaluate", given.toString(), "--json", "--data-dir", RealData.dir().toString());
        assertEquals(0, json.exitCode(), json.err());
        assertEquals(chart.toString(), new ObjectMapper().readTree(json.out()).get("chart").asText());
        assertTrue(Files.isRegularFile(dir.resolve("risk-coverage.png")));
    }

    @Test
    void theClassNamesAreTheModelsOwn() throws IOException {
        SavedModel trained = ModelFile.load(TrainedModel.model());
        List<String> renamed = trained.classNames().stream().map(name -> "my " + name).toList();
        Path model = dir.resolve("renamed.safetensors");
        ModelFile.save(model, new SavedModel(trained.model(), renamed, trained.pixelScaling(), trained.height(),
                trained.width(), trained.training()));
        CliRun run = CliRun.of("evaluate", model.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("my Ankle boot"), run.out());
        assertTrue(run.out().contains("10000 test images, checksums verified"), run.out());
    }

    @Test
    void jsonHasMetricsConfusionAndAMonotoneTradeOff() throws IOException {
        CliRun run = CliRun.of("evaluate", TrainedModel.model().toString(), "--json", "--chart",
                dir.resolve("rc.png").toString(), "--data-dir", RealData.dir().toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(trainedTestAccuracy(), json.get("accuracy").asDouble(), 0.0);
        assertEquals(10, json.get("per_class").size());
        assertEquals("T-shirt/top", json.get("per_class").get(0).get("label").asText());
        long total = 0;
        for (JsonNode row : json.get("confusion").get("counts")) {
            long rowTotal = 0;
            for (JsonNode cell : row) {
                rowTotal += cell.asLong();
            }
            assertEquals(1000, rowTotal, "each class has 1000 test images");
            total += rowTotal;
        }
        assertEquals(10_000, total);
        double previous = 1.0;
        for (JsonNode row : json.get("risk_coverage")) {
            assertTrue(row.get("coverage").asDouble() <= previous, json.get("risk_coverage").toString());
            previous = row.get("coverage").asDouble();
        }
        assertTrue(run.err().startsWith("data:"), "where the data came from goes to stderr, keeping stdout JSON");
    }

    @Test
    void writesTheChartBesideTheModelByDefault() {
        Path model = TrainedModel.model();
        assertEquals(0, CliRun.of("evaluate", model.toString(), "--data-dir", RealData.dir().toString()).exitCode());
        assertTrue(Files.isRegularFile(model.resolveSibling("risk-coverage.png")));
    }

    @Test
    void aModelOfAnotherShapeIsRefusedInOneLine() throws IOException {
        Path other = dir.resolve("digits.safetensors");
        ModelFile.save(other, new SavedModel(SoftmaxRegression.zeros(64, 3), List.of("a", "b", "c"),
                PixelScaling.UNIT, 8, 8, Map.of()));
        CliRun run = CliRun.of("evaluate", other.toString(), "--data-dir", RealData.dir().toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(other + ": not a Fashion-MNIST model (it classifies 8x8 images into 3 "
                + "classes, Fashion-MNIST has 28x28 images in 10)"), run.err());
    }

    @Test
    void aCorruptModelIsOneLineAndExitCode1() throws IOException {
        Path bad = Files.write(dir.resolve("bad.safetensors"), new byte[] {1, 2, 3});
        CliRun run = CliRun.of("evaluate", bad.toString());
        assertEquals(1, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(bad + ": too short"), run.err());
    }

    @Test
    void aModelInARunFolderInUseGetsNoChartBesideItUnlessToldWhere() throws IOException, InterruptedException {
        Path run = Files.createDirectories(dir.resolve("training"));
        Path checkpoint = trainingAfterOneEpoch(run);
        String data = RealData.dir().toString();
        Process trainer = LockProcess.start("hold", run.toString());
        try {
            assertEquals("held", LockProcess.firstLine(trainer));
            CliRun beside = CliRun.of("evaluate", checkpoint.toString(), "--data-dir", data);
            assertEquals(1, beside.exitCode(), beside.err());
            assertEquals("softmax4j evaluate: chart not written, " + run + " is in use by the run training there; "
                    + "--chart FILE draws it elsewhere", beside.err().strip());
            assertTrue(beside.out().contains(String.format(Locale.ROOT, "test accuracy: %.4f", trainedTestAccuracy()))
                    && beside.out().strip().endsWith("chart:   not written"), "the tables are printed: " + beside.out());
            assertFalse(Files.exists(run.resolve("risk-coverage.png")));
            Path elsewhere = dir.resolve("chart.png");
            CliRun told = CliRun.of("evaluate", checkpoint.toString(), "--data-dir", data, "--chart",
                    elsewhere.toString());
            assertEquals(0, told.exitCode(), told.err());
            assertTrue(Files.isRegularFile(elsewhere));
        } finally {
            trainer.getOutputStream().close();
            trainer.waitFor();
        }
        assertEquals(0, CliRun.of("evaluate", checkpoint.toString(), "--data-dir", data).exitCode());
        assertTrue(Files.isRegularFile(run.resolve("risk-coverage.png")), "once the run has ended, beside the model");
    }

    // a run in its second epoch of 10: its metrics.json says running after epoch 1, and its checkpoint is the one a
    // run of the defaults writes after epoch 1; returns that checkpoint
    private static Path trainingAfterOneEpoch(Path run) throws IOException {
        RunMetrics trained = MetricsFiles.fromJson(Files.readAllBytes(TrainedModel.runDir().resolve(
                MetricsFiles.JSON_FILE)));
        MetricsFiles.write(run, new RunMetrics(RunStatus.RUNNING, TrainConfig.defaults().toMap(), trained.epochs(),
                null));
        return Files.copy(TrainedModel.runDir().resolve(Checkpoint.FILE_NAME), run.resolve(Checkpoint.FILE_NAME));
    }

    @Test
    void theModelOfARunStillTrainingIsToComeAndItsCheckpointIsNamed() throws IOException, InterruptedException {
        Path run = Files.createDirectories(dir.resolve("training"));
        Path model = run.resolve("model.safetensors");
        Path checkpoint = run.resolve(Checkpoint.FILE_NAME);
        String data = RealData.dir().toString();
        String toCome = "MODEL " + model + " does not exist yet: the run in " + run + " is training and writes its "
                + "model when the training ends; wait for it, ";
        Process trainer = LockProcess.start("hold", run.toString());
        try {
            assertEquals("held", LockProcess.firstLine(trainer));
            // the folder taken, its data being read: nothing written tells a run from a sweep yet
            CliRun reading = CliRun.of("evaluate", model.toString(), "--data-dir", data);
            assertEquals(2, reading.exitCode(), reading.err());
            assertEquals("softmax4j evaluate: MODEL " + model + " does not exist yet: " + run + " is held by a train or "
                    + "sweep still reading its data; a run writes its model there when its training ends (a sweep, in "
                    + "its runs' folders): wait for it, or for its first epoch to end and give its checkpoint, "
                    + checkpoint, reading.err().lines().findFirst().orElseThrow());
            MetricsFiles.write(run, new RunMetrics(RunStatus.RUNNING, TrainConfig.defaults().toMap(), List.of(), null));
            CliRun first = CliRun.of("evaluate", model.toString(), "--data-dir", data);
            assertEquals(2, first.exitCode(), first.err());
            assertEquals("softmax4j evaluate: " + toCome + "or for its first epoch to end and give its checkpoint, "
                    + checkpoint, first.err().lines().findFirst().orElseThrow());
            trainingAfterOneEpoch(run);
            CliRun later = CliRun.of("predict", model.toString(), "--test-index", "0", "--data-dir", data);
            assertEquals(2, later.exitCode(), later.err());
            assertEquals("softmax4j predict: " + toCome + "or give its checkpoint, " + checkpoint + ", the model after "
                    + "epoch 1 of 10", later.err().lines().findFirst().orElseThrow());
            // the checkpoint named is the model after that epoch
            CliRun named = CliRun.of("evaluate", checkpoint.toString(), "--data-dir", data, "--chart",
                    dir.resolve("chart.png").toString());
            assertEquals(0, named.exitCode(), named.err());
            assertTrue(named.out().contains(String.format(Locale.ROOT, "test accuracy: %.4f", trainedTestAccuracy())),
                    named.out());
        } finally {
            trainer.getOutputStream().close();
            trainer.waitFor();
        }
        CliRun stopped = CliRun.of("evaluate", model.toString(), "--data-dir", data);
        assertEquals(2, stopped.exitCode(), stopped.err());
        assertEquals("softmax4j evaluate: MODEL " + model + " does not exist; give a model.safetensors that softmax4j "
                + "train wrote in its run folder", stopped.err().lines().findFirst().orElseThrow(),
                "a run whose lock is free is not training");
    }

    @Test
    void theModelOfASweepFolderIsNotToCome() throws IOException, InterruptedException {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        Files.writeString(sweep.resolve(Sweep.JSON_FILE), "{}");
        Path model = sweep.resolve("model.safetensors");
        Process sweeping = LockProcess.start("hold", sweep.toString());
        try {
            assertEquals("held", LockProcess.firstLine(sweeping));
            CliRun run = CliRun.of("evaluate", model.toString(), "--data-dir", RealData.dir().toString());
            assertEquals(2, run.exitCode(), run.err());
            assertEquals("softmax4j evaluate: MODEL " + model + " does not exist; give a model.safetensors that "
                    + "softmax4j train wrote in its run folder", run.err().lines().findFirst().orElseThrow());
        } finally {
            sweeping.getOutputStream().close();
            sweeping.waitFor();
        }
    }
}
