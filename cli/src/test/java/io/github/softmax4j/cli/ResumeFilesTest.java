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
}
