package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.MetricsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code train --resume} finds in a run's folder, and what it does with it. */
class ResumeFilesTest {
    @TempDir
    Path dir;


    @ParameterizedTest
    @ValueSource(strings = {MetricsFiles.JSON_FILE, MetricsFiles.CSV_FILE, RunFolder.CURVES_FILE,
        RunFolder.MODEL_FILE, RunFolder.REPORT_FILE})
    void aFileTheRunWritesThatIsAFolderIsRefusedBeforeTraining(String name) throws IOException {
        Path run = TrainedModel.copyOfRun(dir);
        Files.delete(run.resolve(name));
        Files.createDirectory(run.resolve(name));
        byte[] checkpoint = Files.readAllBytes(run.resolve(Checkpoint.FILE_NAME));
        CliRun resumed = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--resume", run.toString(),
                "--epochs", "2");
        assertEquals(2, resumed.exitCode(), resumed.err());
        assertEquals("softmax4j train: --resume " + run + ": " + run.resolve(name) + " is a folder, which the run "
                + "cannot replace; remove it (the run writes its " + name + " again) and resume again",
                resumed.err().lines().findFirst().orElseThrow());
        assertEquals("", resumed.out(), "nothing trained");
        assertArrayEquals(checkpoint, Files.readAllBytes(run.resolve(Checkpoint.FILE_NAME)));
        assertTrue(Files.isDirectory(run.resolve(name)), "left as it was");
    }

    @Test
    void theConfigLineAndTheReportOfAResumedRunSayAlikeHowItStarted() throws IOException {
        Path run = TrainedModel.copyOfRun(dir);
        CliRun extended = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--resume", run.toString(),
                "--epochs", "2");
        assertEquals(0, extended.exitCode(), extended.err());
        String init = "init N(0, 0.01^2), resumed from the checkpoint after epoch 1, seed 42";
        String line = extended.out().lines().filter(l -> l.startsWith("config:")).findFirst().orElseThrow();
        assertTrue(line.contains(init), line);
        String report = Files.readString(run.resolve(RunFolder.REPORT_FILE));
        assertTrue(report.contains("<tr><th class=\"name\">init</th><td class=\"name\">N(0, 0.01^2), resumed from "
                + "the checkpoint after epoch 1</td></tr>"), "report.html says it as the config line does");
    }

    @Test
    void picturesRemovedFromACompleteRunAreDrawnAgainFromItsModelAsTheyWere() throws IOException {
        Path run = TrainedModel.copyOfRun(dir);
        Map<String, byte[]> before = contents(run);
        Files.delete(run.resolve(RunFolder.TEMPLATES_FILE));
        Files.delete(run.resolve(RunFolder.CURVES_FILE));
        CliRun resumed = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().startsWith("resume:  " + run + " after epoch 1 of 1; it is complete, and its missing "
                + "curves.png, templates.png are drawn again from its model\n"), resumed.out());
        Map<String, byte[]> after = contents(run);
        for (String name : List.of(RunFolder.TEMPLATES_FILE, RunFolder.CURVES_FILE, RunFolder.MODEL_FILE,
                Checkpoint.FILE_NAME, MetricsFiles.JSON_FILE, MetricsFiles.CSV_FILE, RunFolder.PREDICTIONS_FILE)) {
            assertArrayEquals(before.get(name), after.get(name), name + " as the run had it");
        }
    }

    @Test
    void noPictureIsDrawnAgainWhenTheModelIsNotTheCheckpointsFinishedOne() throws IOException {
        String data = RealData.dir().toString();
        Path run = TrainedModel.copyOfRun(dir);
        CliRun extended = CliRun.of("train", "--data-dir", data, "--resume", run.toString(), "--epochs", "2");
        assertEquals(0, extended.exitCode(), extended.err());
        // the 1-epoch model put back over the extended run's: its checkpoint is not the model the folder holds
        Files.copy(TrainedModel.model(), run.resolve(RunFolder.MODEL_FILE), StandardCopyOption.REPLACE_EXISTING);
        Files.delete(run.resolve(RunFolder.TEMPLATES_FILE));
        Map<String, byte[]> before = contents(run);
        CliRun resumed = CliRun.of("train", "--data-dir", data, "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals("", resumed.out());
        assertTrue(resumed.err().contains(run + " is complete after epoch 2 of 2, so nothing was trained"),
                resumed.err());
        assertEquals(before.keySet(), contents(run).keySet(), "nothing drawn");
        assertArrayEquals(before.get(RunFolder.MODEL_FILE), contents(run).get(RunFolder.MODEL_FILE));
    }

    // each file of the folder by name, with its bytes
    private static Map<String, byte[]> contents(Path run) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var entries = Files.list(run)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
