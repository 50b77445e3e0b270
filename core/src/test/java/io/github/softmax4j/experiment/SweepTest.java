package io.github.softmax4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.data.Dataset;
import io.github.softmax4j.data.PixelScaling;
import io.github.softmax4j.train.LearningRateSchedule;
import io.github.softmax4j.train.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    private static final int SIDE = 4;
    private static final int CLASSES = 4;

    @TempDir
    Path dir;

    /**
     * 4x4 images where class c lights up its own row of pixels, plus noise, and one label in ten is
     * drawn at random: no model fits every label, so a far too large step cannot hide in a perfect fit.
     */
    private static Dataset separable(int size, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[size * SIDE * SIDE];
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(CLASSES);
            for (int j = 0; j < SIDE * SIDE; j++) {
                pixels[i * SIDE * SIDE + j] = (byte) ((j / SIDE == labels[i] ? 150 : 0) + random.nextInt(100));
            }
            if (random.nextInt(10) == 0) {
                labels[i] = random.nextInt(CLASSES);
            }
        }
        return new Dataset(pixels, labels, SIDE * SIDE);
    }

    private static SweepGrid grid() {
        // 3e38 overflows float at once, so it diverges; the others train
        return new SweepGrid(List.of(0.1f, 3e38f), List.of(16, 64), List.of(0f), List.of(0f),
                List.of(new LearningRateSchedule.Constant()), List.of(PixelScaling.UNIT), List.of(0.01f), 3, 2, 40, 0);
    }

    private Sweep.Result sweep(List<Sweep.Progress> seen) throws IOException, InterruptedException {
        try (Sweep sweep = Sweep.open(grid(), dir, List.of("a", "b", "c", "d"), SIDE, SIDE)) {
            return sweep.run(separable(240, 1), separable(80, 2), 2, 2, seen::add, new StopRequest());
        }
    }

    private Sweep.Result resumed(SweepGrid grid) throws IOException, InterruptedException {
        try (Sweep sweep = Sweep.open(grid, dir, List.of("a", "b", "c", "d"), SIDE, SIDE)) {
            return sweep.run(separable(240, 1), separable(80, 2), 2, 2, progress -> { }, new StopRequest());
        }
    }

    @Test
    void aSweepJsonOfTheWrongShapeOrCutShortIsDamagedInAFewWordsForEveryReader() throws IOException {
        Path sweep = Files.createDirectories(dir.resolve("shape"));
        Path file = sweep.resolve(Sweep.JSON_FILE);
        Files.writeString(file, "[1, 2]");
        DamagedFileException array = assertThrows(DamagedFileException.class, () -> SweepFiles.readGrid(sweep));
        assertEquals("not a sweep file: it needs an object with \"grid\"", array.reason());
        assertEquals(file + " is damaged (not a sweep file: it needs an object with \"grid\"); start a new sweep",
                array.getMessage());
        Files.writeString(file, "{\"ranking\": [");
        DamagedFileException cut = assertThrows(DamagedFileException.class, () -> SweepFiles.recordsRanking(sweep));
        assertEquals(file + " is damaged (not valid JSON at line 1, column 14); start a new sweep", cut.getMessage());
    }

    @Test
    void trainsEveryRunRecordsTheDivergedOnesAndTestsOnlyTheWinner() throws Exception {
        List<Sweep.Progress> seen = new ArrayList<>();
        Sweep.Result result = sweep(seen);
        assertEquals(8, result.runs().size());
        assertEquals(8, seen.size());
        assertEquals(8, seen.get(7).done());
        assertEquals(4, result.runs().stream().filter(r -> r.status() == RunStatus.DIVERGED).count(),
                result.runs().toString());
        assertEquals(4, result.ranking().size(), result.ranking().toString());
        assertTrue(result.ranking().get(3).diverged() && result.ranking().get(2).diverged());
        assertTrue(result.ranking().get(3).validated(), "a diverged run still held out a validation split");
        assertEquals(0.1, ((Number) result.ranking().get(0).settings().get("learning_rate")).doubleValue(), 1e-6);
        RunResult winner = result.winner();
        assertNotNull(winner);
        assertTrue(winner.testAccuracy() > 0.8, winner.toString());
        List<RunResult> tested = result.runs().stream().filter(r -> !Double.isNaN(r.testAccuracy())).toList();
        assertEquals(List.of(winner), tested, "no run but the winner may be tested");

        JsonNode json = new ObjectMapper().readTree(dir.resolve(Sweep.JSON_FILE).toFile());
        assertEquals(8, json.get("runs").size());
        assertEquals(winner.name(), json.get("winner").get("run").asText());
        assertEquals(winner.testAccuracy(), json.get("winner").get("test_acc").asDouble());
        assertTrue(json.get("ranking").get(0).has("val_acc_mean") && json.get("ranking").get(0).has("val_acc_sd"));
        List<String> csv = Files.readAllLines(dir.resolve(SweepFiles.CSV_FILE));
        assertEquals(9, csv.size());
        assertTrue(csv.get(0).startsWith("name,learning_rate,batch_size,"), csv.get(0));
        JsonNode winnerMetrics = new ObjectMapper().readTree(dir.resolve(winner.name()).resolve("metrics.json")
                .toFile());
        assertEquals(winner.testAccuracy(), winnerMetrics.get("selected").get("test_acc").asDouble());
    }

    @Test
    void aSweepIsCompleteOnceEveryRunHasEndedAndIsRankedAndHoldsTheRunsOfItsGridAlone() throws Exception {
        Sweep.Result done = sweep(new ArrayList<>());
        assertTrue(Sweep.complete(dir, grid()));
        Path run = dir.resolve(done.runs().get(0).name());
        assertEquals(Optional.of(dir), Sweep.holding(run));
        assertEquals(Optional.empty(), Sweep.holding(Files.createDirectories(dir.resolve("other"))));
        assertEquals(Optional.empty(), Sweep.holding(dir));
        String metrics = Files.readString(run.resolve("metrics.json"));
        Files.writeString(run.resolve("metrics.json"), metrics.replace("\"status\" : \"finished\"",
                "\"status\" : \"interrupted\""));
        assertFalse(Sweep.complete(dir, grid()), "a run has not ended");
        Files.writeString(run.resolve("metrics.json"), metrics);
        // as a sweep writes it when it starts or resumes, before anything is ranked
        SweepFiles.write(dir, grid(), List.of(), List.of(), null);
        assertFalse(Sweep.complete(dir, grid()), "nothing is ranked");
    }

    @Test
    void aResumedSweepKeepsFinishedRunsAndContinuesTheOthers() throws Exception {
        Sweep.Result first = sweep(new ArrayList<>());
        // a run cut short: its metrics say running by a process that is gone, its checkpoint is older
        String cut = first.runs().get(0).name();
        Path cutDir = dir.resolve(cut);
        byte[] model = Files.readAllBytes(cutDir.resolve("model.safetensors"));
        String metrics = Files.readString(cutDir.resolve("metrics.json"));
        Files.writeString(cutDir.resolve("metrics.json"), metrics.replace("\"status\" : \"finished\"",
                "\"status\" : \"running\", \"pid\" : 2147483647"));
        Files.delete(cutDir.resolve("model.safetensors"));
        String untouched = first.runs().stream().map(RunResult::name)
                .filter(name -> !name.equals(cut) && !name.equals(first.winner().name())).findFirst().orElseThrow();
        long before = Files.getLastModifiedTime(dir.resolve(untouched).resolve("metrics.json")).toMillis();

        assertEquals(RunStatus.INTERRUPTED, RunFolder.read(cutDir, dir).status());
        Sweep.Result second = resumed(SweepFiles.readGrid(dir));
        assertEquals(first.winner().name(), second.winner().name());
        assertEquals(RunStatus.FINISHED, RunFolder.read(cutDir, dir).status());
        assertTrue(java.util.Arrays.equals(model, Files.readAllBytes(cutDir.resolve("model.safetensors"))),
                "the resumed run must end where it ended before");
        assertEquals(before, Files.getLastModifiedTime(dir.resolve(untouched).resolve("metrics.json")).toMillis(),
                "a finished run was trained again");
    }

    @Test
    void aResumedSweepContinuesARunWhoseMetricsAreDamagedFromItsCheckpoint() throws Exception {
        Sweep.Result first = sweep(new ArrayList<>());
        String damaged = first.runs().get(0).name();
        Path damagedDir = dir.resolve(damaged);
        byte[] model = Files.readAllBytes(damagedDir.resolve("model.safetensors"));
        Files.writeString(damagedDir.resolve("metrics.json"), "{\"status\": \"fini");
        DamagedFileException e = assertThrows(DamagedFileException.class, () -> RunFolder.read(damagedDir, dir));
        assertEquals(damagedDir.resolve("metrics.json") + " is damaged (not valid JSON at line 1, column 17); resuming "
                + "the run writes it again (train --resume, or sweep --resume for a sweep's run); or remove the run's "
                + "folder", e.getMessage());
        Sweep.Result second = resumed(SweepFiles.readGrid(dir));
        assertEquals(first.winner().name(), second.winner().name());
        assertEquals(RunStatus.FINISHED, RunFolder.read(damagedDir, dir).status());
        assertTrue(java.util.Arrays.equals(model, Files.readAllBytes(damagedDir.resolve("model.safetensors"))));
    }
}
