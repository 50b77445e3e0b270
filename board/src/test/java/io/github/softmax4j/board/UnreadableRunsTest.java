package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.softmax4j.experiment.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder the board may not read (its metrics.json or the folder itself), or whose metrics.json
 * is a folder, is listed as {@code unreadable} with the reason {@code compare} gives and what to do,
 * as a damaged one is; the rest are listed as ever. Run as root, the board is read in a JVM of its
 * own without root's power to read anything, so permissions stop it as they stop a user.
 */
class UnreadableRunsTest {
    @TempDir
    Path dir;

    @Test
    void aRunTheBoardMayNotReadIsListedWithTheReasonCompareGivesAndWhatToDo() throws IOException,
            InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) || !"root".equals(System.getProperty("user.name")),
                "as root, setpriv is needed to read without root's power to read anything");
        for (String name : List.of("a", "locked", "closed")) {
            RunFolders.writeMetrics(dir.resolve(name), 2, false, Map.of("status", "finished"));
        }
        Path locked = dir.resolve("locked/metrics.json");
        Path closed = dir.resolve("closed");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        JsonNode runs;
        JsonNode closedAlone;
        try {
            runs = listHeldToPermissions(dir);
            closedAlone = listHeldToPermissions(closed);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        runs.forEach(run -> byName.put(run.get("name").asText(), run));
        assertEquals(List.of("a", "closed", "locked"), List.copyOf(byName.keySet()), runs.toString());
        assertEquals("finished", byName.get("a").get("status").asText());
        assertTrue(byName.get("a").get("unreadable").isNull());
        assertEquals("folder: permission denied", byName.get("closed").get("unreadable").asText());
        assertEquals("metrics.json: permission denied", byName.get("locked").get("unreadable").asText());
        for (String name : List.of("closed", "locked")) {
            JsonNode run = byName.get(name);
            assertEquals("unreadable", run.get("status").asText(), name);
            assertTrue(run.get("damaged").isNull(), name);
            assertFalse(run.get("can_classify").asBoolean(), name);
            String remedy = run.get("remedy").asText();
            assertTrue(remedy.startsWith("the board runs as user ") && remedy.contains("chmod a+r"), remedy);
        }
        assertEquals(1, closedAlone.size(), "a board on the folder it may not read lists it, as compare does");
        assertEquals("closed", closedAlone.get(0).get("name").asText());
        assertEquals("folder: permission denied", closedAlone.get(0).get("unreadable").asText());
    }

    @Test
    void aMetricsFileThatIsAFolderIsListedWithTheReasonCompareGives() throws IOException {
        RunFolders.writeMetrics(dir.resolve("a"), 2, false, Map.of("status", "finished"));
        Files.createDirectories(dir.resolve("d/metrics.json"));
        Files.createDirectories(dir.resolve("sw/r/metrics.json"));
        Files.writeString(dir.resolve("sw/sweep.json"), "{" + RunFolders.gridField() + "\"ranking\": []}");
        List<RunFolder.LeftOut> compare = new ArrayList<>();
        RunFolder.findAll(dir, compare::add);
        try (BoardClient board = new BoardClient(dir, null)) {
            JsonNode run = BoardClient.json(board.get("/api/runs/d"));
            assertEquals("unreadable", run.get("status").asText());
            assertEquals(compare.get(0).reason(), run.get("unreadable").asText());
            assertEquals("metrics.json is a folder, not a file", run.get("unreadable").asText());
            assertTrue(run.get("remedy").asText().startsWith("mend it"), run.toString());
            assertFalse(run.get("can_classify").asBoolean());
            assertEquals(409, board.post("/api/runs/d/predict", new byte[] {1}).statusCode());
            assertEquals(List.of("a", "d", "sw/r"), BoardClient.json(board.get("/api/runs")).findValuesAsText("name"));
            assertEquals("[\"sw/r\"]", BoardClient.json(board.get("/api/sweeps/sw")).get("runs").toString(),
                    "a sweep lists its run the board cannot read, as it lists a damaged one");
        }
    }

    @Test
    void theRunsBelowAFolderWhoseMetricsFileIsAFolderAreListedWithIt() throws IOException {
        Files.createDirectories(dir.resolve("group/metrics.json"));
        RunFolders.writeMetrics(dir.resolve("group/inner"), 2, false, Map.of("status", "finished"));
        RunIndex index = new RunIndex(dir, new EventHub(), Clock.systemUTC(), (folder, pid) -> true);
        index.refresh();
        assertEquals(List.of("group", "group/inner"), List.copyOf(index.runs().keySet()));
        assertEquals("unreadable", index.runs().get("group").status());
        assertEquals("finished", index.runs().get("group/inner").status());
        Files.createDirectories(dir.resolve("metrics.json"));
        index.refresh();
        assertEquals(Set.of(dir.getFileName().toString(), "group", "group/inner"), index.runs().keySet(),
                "the board's own folder with such a file hides none of its runs");
    }

    // the runs of a board over folder, read in a JVM of its own held to files' permissions also as root
    private static JsonNode listHeldToPermissions(Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("/usr/bin/setpriv", "--inh-caps=-dac_override,-dac_read_search",
                    "--bounding-set=-dac_override,-dac_read_search"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ListRuns.class.getName(), folder.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return new ObjectMapper().readTree(out);
    }
}
