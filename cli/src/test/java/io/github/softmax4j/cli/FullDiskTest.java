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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up while train writes its run folder: one line saying what is intact and how to go on. */
class FullDiskTest {
    private static final Set<String> PICTURES = Set.of("predictions.png", "confusion.png", "templates.png",
            "mistakes.png", RunFolder.REPORT_FILE);
    private static final Set<String> REWRITTEN = Set.of(Checkpoint.FILE_NAME, "curves.png", "curves.svg",
            MetricsFiles.JSON_FILE, MetricsFiles.CSV_FILE);

    @TempDir
    Path dir;

    @Test
    void picturesThatDoNotFitAreNamedWithTheSavedModelAndAResumeOnTheFullDiskKeepsItsCheckpoint() throws IOException {
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

        CliRun resumed = runs.get(2);
        assertEquals(1, resumed.exitCode(), resumed.err());
        assertEquals(1, own(resumed.err()).size(), resumed.err());
        assertTrue(own(resumed.err()).get(0).startsWith("softmax4j train: writing " + run + " failed ("), resumed.err());
        assertTrue(resumed.err().contains("No space left on device"), resumed.err());
        assertTrue(resumed.err().strip().endsWith("; its checkpoint after epoch 1 is intact; once the cause is fixed, "
                + "continue with softmax4j train --resume " + run), resumed.err());

        Path copy = dir.resolve("copy").resolve("run");
        assertTrue(Files.isRegularFile(copy.resolve(RunFolder.MODEL_FILE)));
        assertEquals(1, Checkpoint.load(copy).history().size());
        // not finished, so a resume draws what is missing
        assertTrue(Files.readString(copy.resolve(MetricsFiles.JSON_FILE)).contains("\"status\" : \"running\""));
    }

    // the command's own lines: the JVM of its own, without the Vector API, also warns that it uses the scalar kernels
    private static List<String> own(String err) {
        return err.lines().filter(line -> line.startsWith("softmax4j ")).toList();
    }
}
