package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.softmax4j.model.ModelFile;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A picture missing from a run folder, through the API: "not yet" only while the run trains; a
 * finished, diverged, interrupted or sweep's run says whether anything will draw it, and what to do.
 */
class MissingPicturesTest {
    @TempDir
    Path dir;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    private static void drawAllBut(Path folder, String missing) throws IOException {
        for (String picture : RunFolder.PICTURES) {
            if (!picture.equals(missing)) {
                Files.write(folder.resolve(picture), PNG);
            }
        }
    }

    private static String why(BoardClient board, String run, String picture) {
        HttpResponse<String> response = board.get("/api/runs/" + run + "/files/" + picture);
        assertEquals(404, response.statusCode(), response.body());
        return BoardClient.json(response).get("error").asText();
    }

    // the run's missing_pictures as "names: why" lines
    private static List<String> notes(BoardClient board, String run) {
        List<String> lines = new ArrayList<>();
        for (JsonNode group : BoardClient.json(board.get("/api/runs/" + run)).get("missing_pictures")) {
            List<String> names = new ArrayList<>();
            group.get("pictures").forEach(name -> names.add(name.asText()));
            lines.add(String.join(", ", names) + ": " + group.get("why").asText());
        }
        return lines;
    }

    @Test
    void aFinishedRunWithoutAPictureSaysItWillNotComeAndARunningOneThatItWill() throws IOException {
        RunFolders.writeMetrics(dir.resolve("finished"), 3, false, Map.of("status", "finished"));
        RunFolders.writeModel(dir.resolve("finished"), 1);
        drawAllBut(dir.resolve("finished"), "templates.png");
        RunFolders.writeMetrics(dir.resolve("training"), 2, false,
                Map.of("status", "running", "pid", ProcessHandle.current().pid()));
        RunFolders.writeModel(dir.resolve("training"), 1);
        Files.write(dir.resolve("training/curves.png"), PNG);
        try (BoardClient board = new BoardClient(dir, null)) {
            String finished = why(board, "finished", "templates.png");
            assertFalse(finished.contains("yet"), finished);
            assertEquals("Run finished has no templates.png: the run has ended without it in its folder (removed "
                    + "since, or never written), and nothing draws the pictures of an ended run; train it again to "
                    + "have it", finished);
            assertEquals(List.of("templates.png: the run has ended without it in its folder (removed since, or "
                    + "never written), and nothing draws the pictures of an ended run; train it again to have it"),
                    notes(board, "finished"));
            assertEquals("Run training has no confusion.png: not drawn yet; training draws it when the run finishes",
                    why(board, "training", "confusion.png"));
            assertEquals(List.of("confusion.png, predictions.png, mistakes.png, templates.png: not drawn yet; "
                    + "training draws them when the run finishes"), notes(board, "training"));
        }
    }

    @Test
    void aSweepsRunSaysASweepDrawsNoPicturesOfItsRunsEvenWhileItTrains() throws IOException {
        RunFolders.writeMetrics(dir.resolve("sw/lr0.1-seed1"), 2, true, Map.of("status", "finished"));
        RunFolders.writeMetrics(dir.resolve("sw/lr0.3-seed1"), 1, true,
                Map.of("status", "running", "pid", ProcessHandle.current().pid()));
        Files.writeString(dir.resolve("sw/sweep.json"), "{" + RunFolders.gridField() + "\"ranking\": []}");
        try (BoardClient board = new BoardClient(dir, null)) {
            for (String run : List.of("sw/lr0.1-seed1", "sw/lr0.3-seed1")) {
                String said = why(board, run.replace("/", "%2F"), "curves.png");
                assertTrue(said.contains("a sweep draws no pictures of its runs") && !said.contains("yet"), said);
                List<String> notes = notes(board, run.replace("/", "%2F"));
                assertEquals(1, notes.size(), notes.toString());
                assertTrue(notes.get(0).startsWith(String.join(", ", RunFolder.PICTURES) + ": a sweep draws no "
                        + "pictures of its runs, only sweep.png"), notes.toString());
            }
            HttpResponse<String> sweep = board.get("/api/sweeps/sw/files/sweep.png");
            assertEquals(404, sweep.statusCode());
            assertEquals("Sweep sw has no sweep.png: a sweep draws it once all its runs are done, so not yet, or not "
                    + "at all if it was stopped", BoardClient.json(sweep).get("error").asText());
        }
    }

    @Test
    void aDivergedOrInterruptedRunSaysWhatBecomesOfItsPictures() throws IOException {
        RunFolders.writeMetrics(dir.resolve("diverged"), 2, false, Map.of("status", "diverged"));
        RunFolders.writeModel(dir.resolve("diverged"), 1);
        Files.write(dir.resolve("diverged/curves.png"), PNG);
        RunFolders.writeMetrics(dir.resolve("stopped"), 2, false, Map.of("status", "interrupted"));
        ModelFile.save(dir.resolve("stopped").resolve(RunFolder.CHECKPOINT), RunFolders.model(1));
        Files.write(dir.resolve("stopped/curves.png"), PNG);
        RunFolders.writeMetrics(dir.resolve("stopped-early"), 0, false, Map.of("status", "interrupted"));
        try (BoardClient board = new BoardClient(dir, null)) {
            String diverged = why(board, "diverged", "mistakes.png");
            assertTrue(diverged.contains("the run diverged, and training draws it only for a run that finishes")
                    && !diverged.contains("yet"), diverged);
            String stopped = why(board, "stopped", "mistakes.png");
            assertTrue(stopped.contains("./softmax4j train --resume") && !stopped.contains("yet"), stopped);
            String early = why(board, "stopped-early", "curves.png");
            assertTrue(early.contains("cannot be resumed") && !early.contains("yet"), early);
        }
    }
}
