package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.RealData;
import io.github.softmax4j.experiment.RunFolder;
import io.github.softmax4j.train.Checkpoint;
import io.github.softmax4j.train.MetricsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up while train writes its run folder: one line saying what is intact and how to go on. */
class FullDiskTest {
    private static final Set<String> PICTURES = Set.of("predictions.png", "confusion.png", "templates.png",
            "mistakes.png", RunPictures.REPORT_FILE);
    private static final Set<String> REWRITTEN = Set.of(Checkpoint.FILE_NAME, "curves.png", "curves.svg",
            MetricsFiles.JSON_FILE, MetricsFiles.CSV_FILE);

    @TempDir
    Path dir;

    @Test
    void picturesThatDoNotFitAreNamedWithTheSavedModelAndAResumeOnTheFullDiskRewritesNothingItHas() throws IOException {
        // room for what a run of one epoch leaves and for the temporary copies of the files it rewrites as it goes,
        // which is less than its pictures and report need
        long kept = 0;
        long pictures = 0;
        long rewritten = 0;
        try (var files = Files.list(TrainedModel.runDir())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                long kib = (Files.size(file) + 4095) / 4096 * 4;
                if (PICTURES.contains(name)) {
                    pictures += kib;
                } else {
                    kept += kib;
                    rewritten += REWRITTEN.contains(name) ? kib : 0;
                }
            }
        }
        long room = rewritten + 16;
        assertTrue(pictures > room, "the pictures (" + pictures + " KiB) fit in the room training needs (" + room
                + " KiB)");
        String data = RealData.dir().toString();
        Path disk = dir.resolve("disk");
        Path run = disk.resolve("run");
        List<CliRun> runs = FullDisk.run(dir, disk, kept + room, dir.resolve("copy"), List.of(
                List.of("train", "--data-dir", data, "--epochs", "1", "--out", run.toString()),
                FullDisk.FILL,
                List.of("train", "--data-dir", data, "--resume", run.toString())));

        CliRun full = runs.get(0);
        assertEquals(1, full.exitCode(), full.err());
        assertEquals(1, own(full.err()).size(), full.err());
        assertTrue(own(full.err()).get(0).startsWith("softmax4j train: " + run + "/"), full.err());
        assertTrue(full.err().contains(": No space left on device. The model is saved in "), full.err());
        assertFalse(full.err().contains("another disk"), "the resume writes into this folder: " + full.err());
        assertTrue(full.err().strip().endsWith(". The model is saved in " + run.resolve(RunFolder.MODEL_FILE)
                + "; once the cause is fixed, softmax4j train --resume " + run + " draws the pictures and the report"),
                full.err());

        // every epoch is trained: the resume only draws what is missing, and fails on that, not on a new checkpoint
        CliRun resumed = runs.get(2);
        assertEquals(1, resumed.exitCode(), resumed.err());
        assertEquals(1, own(resumed.err()).size(), resumed.err());
        assertTrue(own(resumed.err()).get(0).startsWith("softmax4j train: " + run + "/"), resumed.err());
        assertFalse(resumed.err().contains(Checkpoint.FILE_NAME), resumed.err());
        assertTrue(resumed.err().contains(": No space left on device. The model is saved in "), resumed.err());
        assertTrue(resumed.err().strip().endsWith("; once the cause is fixed, softmax4j train --resume " + run
                + " draws the pictures and the report"), resumed.err());

        Path copy = dir.resolve("copy").resolve("run");
        assertTrue(Files.isRegularFile(copy.resolve(RunFolder.MODEL_FILE)));
        assertEquals(1, Checkpoint.load(copy).history().size());
        // not finished, so a resume draws what is missing
        assertTrue(Files.readString(copy.resolve(MetricsFiles.JSON_FILE)).contains("\"status\" : \"running\""));
    }

    @Test
    void aResumeOfARunWithEveryEpochTrainedWritesOnlyWhatIsMissing() throws IOException {
        // a run whose last pictures and report did not fit: every epoch trained, not marked finished
        Path run = dir.resolve("run");
        try (var paths = Files.walk(TrainedModel.runDir())) {
            for (Path path : paths.toList()) {
                Path target = run.resolve(TrainedModel.runDir().relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals(".lock")) {
                    Files.copy(path, target);
                }
            }
        }
        Files.delete(run.resolve("mistakes.png"));
        Files.delete(run.resolve(RunPictures.REPORT_FILE));
        Path metrics = run.resolve(MetricsFiles.JSON_FILE);
        Files.writeString(metrics, Files.readString(metrics).replace("\"finished\"", "\"running\""));
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        List<String> kept = List.of(Checkpoint.FILE_NAME, RunFolder.MODEL_FILE, "curves.png", "curves.svg",
                "predictions.png", "confusion.png", "templates.png");
        for (String name : kept) {
            Files.setLastModifiedTime(run.resolve(name), before);
        }
        CliRun resumed = CliRun.of("train", "--data-dir", RealData.dir().toString(), "--resume", run.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        for (String name : kept) {
            assertEquals(before, Files.getLastModifiedTime(run.resolve(name)), name + " was written again");
        }
        assertTrue(Files.isRegularFile(run.resolve("mistakes.png")));
        assertTrue(Files.readString(run.resolve(RunPictures.REPORT_FILE)).contains("Most confident mistakes"));
        assertTrue(Files.readString(metrics).contains("\"status\" : \"finished\""), Files.readString(metrics));
    }

    // the command's own lines: the JVM of its own, without the Vector API, also warns that it uses the scalar kernels
    private static List<String> own(String err) {
        return err.lines().filter(line -> line.startsWith("softmax4j ")).toList();
    }
}
