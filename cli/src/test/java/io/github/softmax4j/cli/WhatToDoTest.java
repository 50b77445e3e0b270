package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.experiment.SweepFiles;
import io.github.softmax4j.experiment.SweepGrid;
import io.github.softmax4j.train.LearningRateSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a message says to do fits what was given: an input that cannot be read is not told to go
 * elsewhere, a run folder is named rather than the command's own lock file in it, a device is not
 * called a file, and a sweep's folder or a run's given to the other command points to the right one.
 * Run as root, the commands that meet permissions run without root's power to read and write anything.
 */
class WhatToDoTest {
    @TempDir
    Path dir;

    @Test
    void aModelOrPictureThatCannotBeReadIsToldToBeMadeReadableNotMoved() throws IOException {
        assumeSetprivAsRoot();
        Path model = Files.copy(TrainedModel.model(), dir.resolve("model.safetensors"));
        Path picture = Files.writeString(dir.resolve("shoe.png"), "not read");
        for (Path file : new Path[] {model, picture}) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        }
        CliRun evaluate = OwnJvm.runHeldToPermissions(dir, "evaluate", model.toString());
        assertEquals(1, evaluate.exitCode(), evaluate.err());
        assertEquals("softmax4j evaluate: " + model + ": permission denied; check that its permissions and its "
                + "folders' let you read it", lastLine(evaluate.err()));
        Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun predict = OwnJvm.runHeldToPermissions(dir, "predict", model.toString(), picture.toString());
        assertEquals(1, predict.exitCode(), predict.err());
        assertEquals("softmax4j predict: " + picture + ": permission denied; check that its permissions and its "
                + "folders' let you read it", lastLine(predict.err()));
    }

    @Test
    void resumingARunWhoseFolderCannotBeWrittenNamesTheFolderNotItsLock() throws IOException {
        assumeSetprivAsRoot();
        Path run = dir.resolve("run");
        try (Stream<Path> paths = Files.walk(TrainedModel.runDir())) {
            for (Path path : paths.toList()) {
                Path target = run.resolve(TrainedModel.runDir().relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals(".lock")) {
                    Files.copy(path, target);
                }
            }
        }
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CliRun resume = OwnJvm.runHeldToPermissions(dir, "train", "--resume", run.toString());
            assertEquals(1, resume.exitCode(), resume.err());
            assertEquals("softmax4j train: " + run + ": permission denied; the command writes into this folder, so "
                    + "check that its permissions let you write it", lastLine(resume.err()));
        } finally {
            Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aDeviceGivenAsTheRunFolderIsNotAFolderNorCalledAFile() {
        CliRun run = CliRun.of("train", "--out", "/dev/null");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("softmax4j train: --out /dev/null is not a folder; choose a new folder",
                run.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aSweepsFolderGivenToTrainResumePointsToSweepResumeAndARunsToTrainResume() throws IOException {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        Files.writeString(sweep.resolve("sweep.json"), "{}");
        CliRun train = CliRun.of("train", "--resume", sweep.toString());
        assertEquals(2, train.exitCode(), train.err());
        assertEquals("softmax4j train: --resume " + sweep + " holds no checkpoint.safetensors; it is a sweep's folder: "
                + "continue the sweep with " + SweepCommand.resumeCommand(sweep), train.err().lines().findFirst()
                .orElseThrow());
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("checkpoint.safetensors"), "");
        CliRun resumeSweep = CliRun.of("sweep", "--resume", run.toString());
        assertEquals(2, resumeSweep.exitCode(), resumeSweep.err());
        assertEquals("softmax4j sweep: --resume " + run + " holds no sweep.json; it is the folder of a run: continue it "
                + "with " + TrainCommand.resumeCommand(run), resumeSweep.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aSweepsRunGivenToSweepResumePointsToItsSweep() throws IOException {
        Path sweep = Files.createDirectories(dir.resolve("sweep"));
        SweepGrid grid = new SweepGrid(List.of(0.1f), List.of(8), List.of(0f), List.of(0f),
                List.of(new LearningRateSchedule.Constant()), List.of(PixelScaling.UNIT), List.of(0.01f), 1, 1, 16, 0);
        SweepFiles.write(sweep, grid, List.of(), List.of(), null);
        Path run = Files.createDirectories(sweep.resolve(grid.runs().get(0).name()));
        Files.writeString(run.resolve("checkpoint.safetensors"), "");
        CliRun resume = CliRun.of("sweep", "--resume", run.toString());
        assertEquals(2, resume.exitCode(), resume.err());
        assertEquals("softmax4j sweep: --resume " + run + " holds no sweep.json; it is a run of the sweep in " + sweep
                + ": continue the sweep with " + SweepCommand.resumeCommand(sweep), resume.err().lines().findFirst()
                .orElseThrow());
    }

    private static void assumeSetprivAsRoot() {
        assumeTrue(!"root".equals(System.getProperty("user.name")) || Files.isExecutable(Path.of("/usr/bin/setpriv")),
                "as root, setpriv is needed to run without root's power to read anything");
    }

    // the last line: the JVM may warn first, about the SIMD module
    private static String lastLine(String err) {
        return err.lines().reduce((first, second) -> second).orElse("");
    }
}
