package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.softmax4j.data.FashionMnist;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.data.RealData;
import io.github.softmax4j.eval.Metrics;
import io.github.softmax4j.experiment.RunLock;
import io.github.softmax4j.model.ModelFile;
import io.github.softmax4j.model.SavedModel;
import io.github.softmax4j.train.Checkpoint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {
    @TempDir
    Path dir;

    private static void assertOneLine(String err) {
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--epochs|0|--epochs must be > 0",
        "--batch-size|-5|--batch-size must be > 0",
        "--lr|-1|--lr must be finite and > 0",
        "--lr|NaN|--lr must be finite and > 0",
        "--lr|fast|--lr must be a number, got fast",
        "--init-std|-0.5|--init-std must be between 0 and 100 (d2l uses 0.01), got -0.5",
        "--init-std|1e38|--init-std must be between 0 and 100 (d2l uses 0.01), got 1e38",
        "--pixels|bright|--pixels must be unit or symmetric, got bright",
        "--threads|0|--threads must be > 0, got 0",
        "--data-dir|/no/such/folder|--data-dir /no/such/folder does not exist; give the folder that holds",
        "--init|/no/such/model.safetensors|--init /no/such/model.safetensors does not exist; give a model",
        "--momentum|1|--momentum must be >= 0 and < 1",
        "--weight-decay|-1|--weight-decay must be finite and >= 0",
        "--lr-schedule|linear|--lr-schedule must be constant, cosine or step, got linear",
        "--validation|-3|--validation must be >= 0",
        "--early-stopping|4|--early-stopping needs --validation > 0",
    })
    void rejectsABadOptionWithExitCode2NamingIt(String option, String value, String message) {
        CliRun run = CliRun.of("train", option, value, "--out", dir.resolve("run").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.err().contains("Usage") || run.err().contains("softmax4j train ["), run.err());
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void rejectsAnOutFolderThatAlreadyHoldsFiles() throws IOException {
        Files.writeString(dir.resolve("keep.txt"), "mine");
        CliRun run = CliRun.of("train", "--out", dir.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--out " + dir + " already exists"), run.err());
        assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
    }

    @Test
    void aDataFolderWithoutTheFilesIsOneLineAndExitCode1() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun run = CliRun.of("train", "--data-dir", empty.toString(), "--out", dir.resolve("run").toString());
        assertEquals(1, run.exitCode());
        assertOneLine(run.err());
        assertTrue(run.err().contains("--data-dir"), run.err());
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void aCorruptInitModelIsOneLineAndExitCode1() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.safetensors"), "not a model at all");
        CliRun run = CliRun.of("train", "--init", bad.toString(), "--out", dir.resolve("run").toString());
        assertEquals(1, run.exitCode());
        assertOneLine(run.err());
        assertTrue(run.err().contains(bad.toString()), run.err());
    }

    @Test
    void anInitModelTrainedWithOtherPixelsGetsANoteNamingBoth() throws IOException {
        String data = RealData.dir().toString();
        Path unit = TrainedModel.model();
        CliRun symmetric = CliRun.of("train", "--data-dir", data, "--init", unit.toString(), "--pixels", "symmetric",
                "--epochs", "1", "--out", dir.resolve("symmetric").toString());
        assertEquals(0, symmetric.exitCode(), symmetric.err());
        assertEquals("softmax4j train: --pixels symmetric differs from the unit scaling (x/255) that " + unit
                + " was trained with, so it starts from a lower accuracy; --pixels unit keeps its scaling",
                symmetric.err().strip());
        CliRun same = CliRun.of("train", "--data-dir", data, "--init", unit.toString(), "--epochs", "1", "--out",
                dir.resolve("same").toString());
        assertEquals(0, same.exitCode(), same.err());
        assertEquals("", same.err());
        Path trainedSymmetric = dir.resolve("symmetric").resolve("model.safetensors");
        assertEquals(PixelScaling.SYMMETRIC, ModelFile.load(trainedSymmetric).pixelScaling());
        CliRun byDefault = CliRun.of("train", "--data-dir", data, "--init", trainedSymmetric.toString(), "--epochs",
                "1", "--out", dir.resolve("default").toString());
        assertEquals(0, byDefault.exitCode(), byDefault.err());
        assertEquals("softmax4j train: --pixels unit (the default) differs from the symmetric scaling ((x/255 - 0.5)/0.5) "
                + "that " + trainedSymmetric + " was trained with, so it starts from a lower accuracy; --pixels "
                + "symmetric keeps its scaling", byDefault.err().strip());
    }

    @Test
    void trainsAndWritesTheRunFolder() throws IOException {
        Path data = RealData.dir();
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("train", "--data-dir", data.toString(), "--epochs", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("epoch  train loss  train acc  test acc"), run.out());
        assertTrue(run.out().contains("seed 42"), run.out());
        assertEquals(2, run.out().lines().filter(line -> line.matches("\\s+[12]\\s+0\\.\\d{4}.*s")).count(), run.out());

        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(256, metrics.get("config").get("batch_size").asInt());
        JsonNode last = metrics.get("epochs").get(1);
        for (String field : List.of("epoch", "train_loss", "train_acc", "test_acc", "seconds")) {
            assertTrue(last.has(field), field);
        }
        assertEquals(3, Files.readAllLines(out.resolve("metrics.csv")).size());

        for (String picture : List.of("curves.png", "predictions.png", "confusion.png", "templates.png", "mistakes.png")) {
            BufferedImage image = ImageIO.read(out.resolve(picture).toFile());
            assertTrue(image.getWidth() > 300 && image.getHeight() > 200, picture);
        }
        assertTrue(Files.readString(out.resolve("curves.svg")).contains("<title>Training curves</title>"));
        String report = Files.readString(out.resolve("report.html"));
        assertEquals(5, report.split("src=\"data:image/png;base64,").length - 1, "every picture is in the report");
        assertTrue(run.out().contains("confusion on the test set (rows: true class, columns: predicted class):"));
        assertTrue(run.out().contains(" 9  Ankle boot"), run.out());

        SavedModel saved = ModelFile.load(out.resolve("model.safetensors"));
        assertEquals(FashionMnist.DATA_SET.classNames(), saved.classNames());
        assertEquals("2", saved.training().get("epochs"));
        double accuracy = Metrics.evaluateAccuracy(saved.model(), RealData.load().test(), saved.pixelScaling());
        assertEquals(last.get("test_acc").asDouble(), accuracy, 1e-12);
    }

    @Test
    void threadCountDoesNotChangeTheModelFile() throws IOException {
        String data = RealData.dir().toString();
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--epochs", "1", "--threads", "1", "--out", one.toString()).exitCode());
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--epochs", "1", "--threads", "2", "--out", two.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(one.resolve("model.safetensors")), Files.readAllBytes(two.resolve("model.safetensors")));
    }

    @Test
    void moreThreadsThanProcessorsAreLoweredToTheProcessorsWithANote() {
        int processors = Math.min(Runtime.getRuntime().availableProcessors(), 32);
        CliRun run = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--epochs", "1", "--threads", "1024",
                "--out", dir.resolve("many").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("softmax4j train: --threads 1024 is more than the " + processors
                + " processors available; using " + processors), run.err());
        assertTrue(run.out().contains("threads " + processors + "\n"), run.out());
    }

    @Test
    void continuesFromASavedModel() throws IOException {
        String data = RealData.dir().toString();
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--epochs", "1", "--out", first.toString()).exitCode());
        Path model = first.resolve("model.safetensors");
        CliRun run = CliRun.of("train", "--data-dir", data, "--epochs", "1", "--init", model.toString(),
                "--out", second.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode firstMetrics = new ObjectMapper().readTree(first.resolve("metrics.json").toFile());
        JsonNode secondMetrics = new ObjectMapper().readTree(second.resolve("metrics.json").toFile());
        assertEquals(model.toString(), secondMetrics.get("config").get("init").asText());
        assertTrue(secondMetrics.get("epochs").get(0).get("train_loss").asDouble()
                < firstMetrics.get("epochs").get(0).get("train_loss").asDouble());
    }

    @Test
    void aLossExplodingFromHugeInitialWeightsNamesInitStdToo() {
        CliRun run = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--init-std", "100", "--momentum",
                "0.5", "--weight-decay", "1e-4", "--epochs", "1", "--out", dir.resolve("run").toString());
        assertEquals(1, run.exitCode());
        assertOneLine(run.err());
        assertTrue(run.err().contains("; try a smaller --lr or --init-std (it is 100). "), run.err());
        // every number as it is typed, not 100.0 or 1.0E-4
        assertTrue(run.out().contains("config:  epochs 1, batch size 256, lr 0.1, momentum 0.5, weight decay 0.0001, "
                + "init N(0, 100^2), seed 42, "), run.out());
    }

    @Test
    void anExplodingLossStopsTheRunNamingTheEpochAndKeepsTheLastGoodModel() throws IOException {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--lr", "1e6", "--epochs", "3",
                "--out", out.toString());
        assertEquals(1, run.exitCode());
        assertOneLine(run.err());
        assertTrue(run.out().contains("config:  epochs 3, batch size 256, lr 1e6, init "), run.out());
        assertTrue(run.err().contains("the loss exploded to") && run.err().contains("in epoch 1 at --lr 1e6; "
                + "try a smaller --lr. The initial model is saved in " + out.resolve("model.safetensors")), run.err());
        SavedModel saved = ModelFile.load(out.resolve("model.safetensors"));
        assertTrue(saved.model().sameParameters(io.github.softmax4j.model.SoftmaxRegression.initialize(784, 10, 0.01f, 42)));
    }

    @Test
    void resumeTakesNoTrainingSettings() throws IOException {
        Path run = dir.resolve("run");
        assertEquals(0, CliRun.of("train", "--data-dir", RealData.dir().toString(), "--epochs", "1", "--out",
                run.toString()).exitCode());
        CliRun twice = CliRun.of("train", "--resume", run.toString(), "--lr", "0.5");
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("--resume continues with the run's own settings and folder (only --epochs may extend it); leave out --lr"),
                twice.err());
        CliRun nothing = CliRun.of("train", "--resume", dir.resolve("elsewhere").toString());
        assertEquals(2, nothing.exitCode());
        assertTrue(nothing.err().contains("--resume " + dir.resolve("elsewhere") + " does not exist; "), nothing.err());
        CliRun empty = CliRun.of("train", "--resume", Files.createDirectories(dir.resolve("empty")).toString());
        assertEquals(2, empty.exitCode());
        assertTrue(empty.err().contains("holds no checkpoint.safetensors"), empty.err());
    }


    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"12|epochs 1 to 2 are", "11|epoch 1 is"})
    void aResumedRunPrintsOnlyItsLatestEarlierEpochsAgainAndSaysWhereTheRestAre(int trained, String rest) {
        String data = RealData.dir().toString();
        Path run = dir.resolve("long");
        // one batch of all the images per epoch: 12 epochs in a moment
        CliRun first = CliRun.of("train", "--data-dir", data, "--batch-size", "60000", "--epochs",
                String.valueOf(trained), "--out", run.toString());
        assertEquals(0, first.exitCode(), first.err());
        CliRun resumed = CliRun.of("train", "--data-dir", data, "--resume", run.toString(), "--epochs",
                String.valueOf(trained + 1));
        assertEquals(0, resumed.exitCode(), resumed.err());
        List<String> rows = resumed.out().lines().filter(line -> line.matches(" +\\d+ +\\d.*")).toList();
        assertEquals(TrainingRun.RESUMED_ROWS + 1, rows.size(), resumed.out());
        assertTrue(rows.get(0).startsWith(String.format("%5d ", trained - TrainingRun.RESUMED_ROWS + 1)), rows.get(0));
        assertTrue(rows.get(rows.size() - 1).startsWith(String.format("%5d ", trained + 1)), rows.get(rows.size() - 1));
        assertTrue(resumed.out().contains("   ... " + rest + " in metrics.csv\n"), resumed.out());
    }

    @Test
    void resumingACompleteRunSaysSoTrainsNothingAndSaysHowToTrainMore() throws IOException {
        String data = RealData.dir().toString();
        Path run = TrainedModel.copyOfRun(dir);
        Map<Path, FileTime> written = modified(run);
        CliRun again = CliRun.of("train", "--data-dir", data, "--resume", run.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals("", again.out());
        assertEquals("softmax4j train: " + run + " is complete after epoch 1 of 1, so nothing was trained; to train "
                + "more, extend it: softmax4j train --resume " + run + " --epochs N, with N above 1", again.err().strip());
        CliRun same = CliRun.of("train", "--data-dir", data, "--resume", run.toString(), "--epochs", "1");
        assertEquals(0, same.exitCode(), same.err());
        assertEquals(again.err(), same.err());
        assertEquals(written, modified(run));
    }

    // a resume of the complete 1-epoch run in {@code run}: it says so, and no file is written
    private static void assertResumingItTrainsAndWritesNothing(Path run) throws IOException {
        Map<Path, FileTime> written = modified(run);
        CliRun resumed = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals("", resumed.out());
        assertTrue(resumed.err().contains(run + " is complete after epoch 1 of 1"), resumed.err());
        assertEquals(written, modified(run));
    }

    @Test
    void aSweepsRunIsNeitherExtendedNorContinuedByTrainButPointsToANewRunOrTheSweep() throws IOException {
        String data = RealData.dir().toString();
        Path sweep = dir.resolve("sweep");
        assertEquals(0, CliRun.of("sweep", "--data-dir", data, "--epochs", "1", "--batch-size", "1024", "--out",
                sweep.toString()).exitCode());
        Path run = sweep.resolve("seed1");
        Map<Path, FileTime> written = modified(run);
        CliRun complete = CliRun.of("train", "--data-dir", data, "--resume", run.toString());
        assertEquals(0, complete.exitCode(), complete.err());
        assertEquals("", complete.out());
        assertEquals("softmax4j train: " + run + " is complete after epoch 1 of 1, so nothing was trained; it is a run "
                + "of the sweep in " + sweep + ", whose runs all train 1 epoch so that they compare fairly, so to train "
                + "more, start a new run: softmax4j train --batch-size 1024 --seed 1 --validation 10000 --epochs N, "
                + "with N above 1", complete.err().strip());
        CliRun extended = CliRun.of("train", "--data-dir", data, "--resume", run.toString(), "--epochs", "3");
        assertEquals(2, extended.exitCode(), extended.err());
        assertEquals("softmax4j train: --epochs cannot extend " + run + ": it is a run of the sweep in " + sweep
                + ", whose runs all train 1 epoch so that they compare fairly; start a new run instead: softmax4j "
                + "train --batch-size 1024 --seed 1 --validation 10000 --epochs 3",
                extended.err().lines().findFirst().orElseThrow());
        assertEquals(written, modified(run));
        ObjectNode metrics = (ObjectNode) new ObjectMapper().readTree(run.resolve("metrics.json").toFile());
        Files.writeString(run.resolve("metrics.json"), metrics.put("status", "interrupted").toString());
        written = modified(run);
        CliRun interrupted = CliRun.of("train", "--data-dir", data, "--resume", run.toString());
        assertEquals(2, interrupted.exitCode(), interrupted.err());
        assertEquals("softmax4j train: --resume " + run + " is a run of the sweep in " + sweep + ", which trains its "
                + "runs; continue it with softmax4j sweep --resume " + sweep,
                interrupted.err().lines().findFirst().orElseThrow());
        assertEquals(written, modified(run));
    }

    @Test
    void aFinishedRunIsCompleteWhateverTheTimesOfItsFiles() throws IOException {
        Path run = TrainedModel.copyOfRun(dir);
        // a file system with coarse times, or a copy, can leave the report older than the model it shows
        FileTime model = Files.getLastModifiedTime(run.resolve("model.safetensors"));
        Files.setLastModifiedTime(run.resolve("report.html"), FileTime.fromMillis(model.toMillis() - 60_000));
        assertResumingItTrainsAndWritesNothing(run);
    }

    @Test
    void aFinishedRunOfASweepWhichHasNoReportIsCompleteAndGainsNoReport() throws IOException {
        Path run = TrainedModel.copyOfRun(dir);
        // a sweep marks its runs finished without drawing a report or pictures (curves.svg either)
        try (var pictures = Files.list(run)) {
            for (Path file : pictures.filter(f -> f.toString().endsWith(".png") || f.toString().endsWith(".html")
                    || f.toString().endsWith(".svg")).toList()) {
                Files.delete(file);
            }
        }
        assertResumingItTrainsAndWritesNothing(run);
    }

    @Test
    void aRunKilledBeforeItsReportIsNotCompleteWhateverTheTimesOfItsFiles() throws IOException, InterruptedException {
        Path run = TrainedModel.copyOfRun(dir);
        // killed after an extension's last epoch, before its report: metrics.json still says running, for a
        // process that is gone, and report.html is the one of before the extension, here even newer than the model
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path metrics = run.resolve("metrics.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode killed = (ObjectNode) json.readTree(metrics.toFile());
        assertEquals("finished", killed.get("status").asText());
        killed.put("status", "running").put("pid", gone.pid());
        json.writeValue(metrics.toFile(), killed);
        // an hour past both the model and now, so drawing the report again, however late, makes it older
        FileTime model = Files.getLastModifiedTime(run.resolve("model.safetensors"));
        FileTime stale = FileTime.fromMillis(Math.max(model.toMillis(), System.currentTimeMillis()) + 3_600_000);
        Files.setLastModifiedTime(run.resolve("report.html"), stale);
        CliRun resumed = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("after epoch 1 of 1"), resumed.out());
        assertTrue(resumed.out().contains("report:  " + run.resolve("report.html")), resumed.out());
        assertEquals("finished", json.readTree(metrics.toFile()).get("status").asText());
        assertTrue(Files.getLastModifiedTime(run.resolve("report.html")).compareTo(stale) < 0,
                "the report was drawn again");
    }

    @Test
    void resumingARunThatStoppedEarlyOrCannotBeExtendedSaysHowToTrainMore() throws IOException {
        String data = RealData.dir().toString();
        Path early = dir.resolve("early");
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--validation", "5000", "--epochs", "30",
                "--early-stopping", "1", "--lr", "1", "--out", early.toString()).exitCode());
        int trained = Checkpoint.load(early).history().size();
        CliRun stopped = CliRun.of("train", "--data-dir", data, "--resume", early.toString());
        assertEquals(0, stopped.exitCode(), stopped.err());
        assertEquals("", stopped.out());
        assertEquals("softmax4j train: " + early + " is complete: it stopped early after epoch " + trained + " of 30 "
                + "(no better validation accuracy for 1 epoch), so nothing was trained; to train more, start a new run "
                + "with a larger --early-stopping: softmax4j train --lr 1 --validation 5000 --early-stopping P --epochs "
                + "30, with P above 1", stopped.err().strip());
        Path cosine = dir.resolve("cosine");
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--epochs", "1", "--lr-schedule", "cosine", "--out",
                cosine.toString()).exitCode());
        CliRun done = CliRun.of("train", "--data-dir", data, "--resume", cosine.toString());
        assertEquals(0, done.exitCode(), done.err());
        assertEquals("softmax4j train: " + cosine + " is complete after epoch 1 of 1, so nothing was trained; its "
                + "cosine schedule sets each epoch's rate from the number of epochs, so to train more, start a new run "
                + "with a larger --epochs: softmax4j train --lr-schedule cosine --epochs N, with N above 1",
                done.err().strip());
    }

    private static Map<Path, FileTime> modified(Path folder) throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.filter(f -> !f.endsWith(RunLock.FILE_NAME)).toList()) {
                times.put(file.getFileName(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    @Test
    void anOutFolderThatCannotBeCreatedIsABadOption() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun run = CliRun.of("train", "--out", file.resolve("run").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--out " + file.resolve("run") + ": " + file + " is a file, not a folder; choose "
                + "another folder"), run.err());
    }

    @Test
    void aValidatedRunReportsValidationEveryEpochAndTestsTheKeptModelOnce() throws IOException {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--epochs", "3", "--validation",
                "5000", "--momentum", "0.9", "--weight-decay", "1e-5", "--lr-schedule", "cosine", "--threads", "2",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertReportSaysTheConfigLine(run, out, "epochs 3, batch size 256, lr 0.1 (cosine schedule), momentum 0.9, "
                + "weight decay 1e-5, init N(0, 0.01^2), seed 42, pixels unit (x/255), shuffle on, threads 2");
        assertTrue(run.out().contains("epoch        lr  train loss  train acc  val loss  val acc    time"), run.out());
        assertTrue(run.out().contains("55000 images train the model, 5000 are held out for validation"), run.out());
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals("finished", metrics.get("status").asText());
        assertEquals(55000, metrics.get("config").get("train_examples").asInt());
        int kept = metrics.get("selected").get("epoch").asInt();
        JsonNode keptEpoch = metrics.get("epochs").get(kept - 1);
        assertEquals(keptEpoch.get("val_acc").asDouble(), metrics.get("selected").get("val_acc").asDouble());
        for (JsonNode epoch : metrics.get("epochs")) {
            assertTrue(epoch.get("val_acc").asDouble() <= keptEpoch.get("val_acc").asDouble());
            assertFalse(epoch.has("test_acc"));
        }
        SavedModel saved = ModelFile.load(out.resolve("model.safetensors"));
        double test = Metrics.evaluateAccuracy(saved.model(), RealData.load().test(), saved.pixelScaling());
        assertEquals(test, metrics.get("selected").get("test_acc").asDouble(), 1e-12);
        assertTrue(run.out().contains(String.format(java.util.Locale.ROOT, "kept epoch %d of 3 (best validation "
                + "accuracy): val acc %.4f, test acc %.4f", kept, keptEpoch.get("val_acc").asDouble(), test)), run.out());
    }

    // report.html's Configuration says what the config: line says, in its words and notation, then what is off
    private static void assertReportSaysTheConfigLine(CliRun run, Path out, String line) throws IOException {
        assertTrue(run.out().contains("config:  " + line + "\n"), run.out());
        String report = Files.readString(out.resolve("report.html"));
        String table = report.substring(report.indexOf("<h2>Configuration</h2>"));
        Matcher rows = Pattern.compile("<tr><th class=\"name\">([^<]*)</th><td class=\"name\">([^<]*)</td></tr>")
                .matcher(table.substring(0, table.indexOf("</table>")));
        List<String> said = new ArrayList<>();
        while (rows.find()) {
            said.add(rows.group(1) + " " + rows.group(2));
        }
        assertEquals(line + ", validation 5000, early stopping off, train examples 55000", String.join(", ", said));
    }

    @Test
    void extendingAFinishedRunEndsBitwiseWhereALongerRunEnds() throws IOException {
        String data = RealData.dir().toString();
        Path whole = dir.resolve("whole");
        Path extended = dir.resolve("extended");
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--epochs", "3", "--momentum", "0.9", "--lr", "0.02",
                "--validation", "5000", "--out", whole.toString()).exitCode());
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--epochs", "2", "--momentum", "0.9", "--lr", "0.02",
                "--validation", "5000", "--out", extended.toString()).exitCode());
        CliRun more = CliRun.of("train", "--data-dir", data, "--resume", extended.toString(), "--epochs", "3");
        assertEquals(0, more.exitCode(), more.err());
        assertTrue(more.out().contains("after epoch 2 of 3"), more.out());
        assertArrayEquals(Files.readAllBytes(whole.resolve("model.safetensors")),
                Files.readAllBytes(extended.resolve("model.safetensors")));
        JsonNode a = new ObjectMapper().readTree(whole.resolve("metrics.json").toFile());
        JsonNode b = new ObjectMapper().readTree(extended.resolve("metrics.json").toFile());
        for (int i = 0; i < 3; i++) {
            for (String field : List.of("lr", "train_loss", "train_acc", "val_loss", "val_acc")) {
                assertEquals(a.get("epochs").get(i).get(field), b.get("epochs").get(i).get(field), field);
            }
        }
        assertEquals(a.get("selected"), b.get("selected"));
    }

    @Test
    void aValidationSplitAsLargeAsTheTrainingSetIsABadOption() {
        Path out = dir.resolve("run");
        CliRun run = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--validation", "60000", "--out",
                out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--validation must be less than the 60000 training images, got 60000"),
                run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void countsOfOneImageAreSingular() {
        String data = RealData.dir().toString();
        CliRun tooLarge = CliRun.of("train", "--data-dir", data, "--validation", "59999", "--batch-size", "2",
                "--out", dir.resolve("a").toString());
        assertEquals(2, tooLarge.exitCode());
        assertTrue(tooLarge.err().contains("--batch-size must be at most the 1 image that trains the model, got 2"),
                tooLarge.err());
        CliRun one = CliRun.of("train", "--data-dir", data, "--validation", "59999", "--batch-size", "1", "--epochs",
                "1", "--early-stopping", "1", "--out", dir.resolve("b").toString());
        assertEquals(0, one.exitCode(), one.err());
        assertTrue(one.out().contains("data:    1 image trains the model, 59999 are held out for validation; early "
                + "stopping after 1 epoch without"), one.out());
        CliRun oneHeldOut = CliRun.of("train", "--data-dir", data, "--validation", "1", "--epochs", "1", "--out",
                dir.resolve("c").toString());
        assertEquals(0, oneHeldOut.exitCode(), oneHeldOut.err());
        assertTrue(oneHeldOut.out().contains("data:    59999 images train the model, 1 is held out for validation\n"),
                oneHeldOut.out());
    }

    @Test
    void aScheduleThatDependsOnTheLengthCannotBeExtended() throws IOException {
        Path run = dir.resolve("run");
        assertEquals(0, CliRun.of("train", "--data-dir", RealData.dir().toString(), "--epochs", "1", "--lr-schedule",
                "cosine", "--out", run.toString()).exitCode());
        CliRun more = CliRun.of("train", "--resume", run.toString(), "--epochs", "4");
        assertEquals(2, more.exitCode());
        assertTrue(more.err().contains("--epochs cannot extend " + run + ": its cosine schedule sets each epoch's "
                + "rate from the number of epochs, 1; start a new run instead: softmax4j train --lr-schedule cosine "
                + "--epochs 4\n"), more.err());
    }

    @Test
    void aRunThatStoppedEarlyIsNotExtendedForNothing() throws IOException {
        Path run = dir.resolve("run");
        CliRun first = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--validation", "5000", "--epochs",
                "30", "--early-stopping", "1", "--lr", "1", "--out", run.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("no better validation accuracy for 1 epoch\n"), first.out());
        CliRun more = CliRun.of("train", "--resume", run.toString(), "--epochs", "40");
        assertEquals(2, more.exitCode());
        assertTrue(more.err().contains(run + " stopped early after epoch"), more.err());
        assertTrue(more.err().contains("so more epochs would train nothing; start a new run with a larger "
                + "--early-stopping: softmax4j train --lr 1 --validation 5000 --early-stopping P --epochs 40, with P "
                + "above 1\n"), more.err());
    }

    @Test
    void aFailedWriteSaysWhichCheckpointIsIntactAndHowToContinue() throws IOException {
        String data = RealData.dir().toString();
        Path run = dir.resolve("run");
        assertEquals(0, CliRun.of("train", "--data-dir", data, "--epochs", "1", "--validation", "50000", "--out",
                run.toString()).exitCode());
        // metrics.csv links to a file in /proc, where its new copy cannot be created (a folder in its place would be
        // refused before training)
        Files.delete(run.resolve("metrics.csv"));
        Files.createSymbolicLink(run.resolve("metrics.csv"), Path.of("/proc/version"));
        CliRun resumed = CliRun.of("train", "--data-dir", data, "--resume", run.toString(), "--epochs", "2");
        assertEquals(1, resumed.exitCode(), resumed.err());
        assertOneLine(resumed.err());
        assertTrue(resumed.err().startsWith("softmax4j train: writing " + run + " failed ("), resumed.err());
        assertTrue(resumed.err().strip().endsWith("; its checkpoint after epoch 1 is intact; once the cause is fixed, "
                + "continue with softmax4j train --resume " + run), resumed.err());
    }
}
