package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.softmax4j.train.MetricsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare leaves out a run it cannot read (its metrics.json or its folder unreadable, its
 * metrics.json a folder), names it with the reason, and compares the rest, as it does a damaged one.
 * Run as root, the command runs without root's power to read anything, so permissions stop it as they stop a user.
 */
class UnreadableRunsTest {
    @TempDir
    Path dir;

    @Test
    void anUnreadableMetricsFileIsLeftOutWithItsReasonAndTheRestCompared() throws IOException {
        Path runs = runs("a", "b");
        Path metrics = runs.resolve("a").resolve(MetricsFiles.JSON_FILE);
        CliRun run = compareWithout(metrics, runs);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("left out, cannot be read: a (metrics.json: permission denied); check its "
                + "permissions\n"), run.out());
        assertTrue(Files.readString(dir.resolve("c.html")).contains("<h2>Runs left out</h2>\n<ul>\n<li class=\"left-out\">"
                + "cannot be read: a (metrics.json: permission denied); check its permissions</li>"), "b is compared, a "
                + "named on the page: " + run.out());
    }

    @Test
    void anUnreadableRunFolderIsLeftOutWithItsReasonAndTheRestCompared() throws IOException {
        Path runs = runs("a", "b");
        CliRun run = compareWithout(runs.resolve("a"), runs);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("left out, cannot be read: a (folder: permission denied); check its permissions\n"),
                run.out());
        assertTrue(Files.readString(dir.resolve("c.html")).contains("<li class=\"left-out\">cannot be read: a (folder: "
                + "permission denied); check its permissions</li>"), "b is compared, a named on the page: " + run.out());
    }

    @Test
    void onlyUnreadableRunsSayToCheckTheirPermissions() throws IOException {
        Path runs = runs("a");
        CliRun run = compareWithout(runs.resolve("a"), runs);
        assertEquals(1, run.exitCode(), run.out());
        assertEquals("softmax4j compare: no finished run in " + runs + ", only runs left out above; check the "
                + "permissions of those that cannot be read, or give folders that hold a finished run\n", run.err());
    }

    @Test
    void aMetricsFileThatIsAFolderIsLeftOutWithItsReason() throws IOException {
        Path runs = runs("b");
        Files.createDirectories(runs.resolve("d").resolve(MetricsFiles.JSON_FILE));
        CliRun run = CliRun.of("compare", runs.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("left out, cannot be read: d (metrics.json is a folder, not a file); mend it as "
                + "its reason says\n"), run.out());
        assertTrue(Files.readString(dir.resolve("c.html")).contains("<li class=\"left-out\">cannot be read: d "
                + "(metrics.json is a folder, not a file); mend it as its reason says</li>"), run.out());
    }

    @Test
    void runsThatCannotBeReadForOtherReasonsThanPermissionsAreToldToBeMended() throws IOException {
        Path runs = runs("b");
        Files.createDirectories(runs.resolve("d").resolve(MetricsFiles.JSON_FILE));
        Files.createDirectories(runs.resolve("e").resolve(MetricsFiles.JSON_FILE));
        CliRun run = CliRun.of("compare", runs.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("left out, cannot be read: d (metrics.json is a folder, not a file), e (metrics.json "
                + "is a folder, not a file); mend them as their reasons say\n"), run.out());
    }

    @Test
    void aMetricsFileThatIsAFolderIsNotTakenForAPermissionProblem() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Files.createDirectories(runs.resolve("d").resolve(MetricsFiles.JSON_FILE));
        CliRun run = CliRun.of("compare", runs.toString(), "--out", dir.resolve("c.html").toString());
        assertEquals(1, run.exitCode(), run.out());
        assertEquals("softmax4j compare: no finished run in " + runs + ", only runs left out above; mend those "
                + "that cannot be read (each with its reason above), or give folders that hold a finished run\n",
                run.err());
    }

    @Test
    void aFolderThatCanBeListedButNotSearchedIsLeftOutOnceNotEachNameInIt() throws IOException {
        Path runs = runs("a", "b/inner");
        Files.writeString(runs.resolve("b").resolve("notes.txt"), "mine");
        CliRun run = compareWithout(runs.resolve("b"), runs, "r--r--r--");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("left out, cannot be read: b (folder: permission denied); check its permissions\n"),
                run.out());
        assertTrue(Files.isRegularFile(dir.resolve("c.html")), "a is compared: " + run.out());
    }

    // finished runs of one epoch under dir/runs, each its metrics.json alone
    private Path runs(String... names) throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        for (String name : names) {
            Files.writeString(Files.createDirectories(runs.resolve(name)).resolve(MetricsFiles.JSON_FILE),
                    "{\"status\": \"finished\", \"config\": {\"learning_rate\": 0.1, \"batch_size\": 256, "
                            + "\"epochs\": 1, \"seed\": 1}, \"epochs\": [{\"epoch\": 1, \"lr\": 0.1, \"train_loss\": "
                            + "0.5, \"train_acc\": 0.8, \"test_acc\": 0.8, \"seconds\": 0.1}]}");
        }
        return runs;
    }

    // compare of runs with unreadable (mode 000) for the command, given back its permissions after
    private CliRun compareWithout(Path unreadable, Path runs) throws IOException {
        return compareWithout(unreadable, runs, "---------");
    }

    // the same with unreadable's permissions set to mode
    private CliRun compareWithout(Path unreadable, Path runs, String held) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")) || !"root".equals(System.getProperty("user.name")),
                "as root, setpriv is needed to run without root's power to read anything");
        String mode = Files.isDirectory(unreadable) ? "rwxr-xr-x" : "rw-r--r--";
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString(held));
        try {
            return OwnJvm.runHeldToPermissions(dir, "compare", runs.toString(), "--out", dir.resolve("c.html").toString());
        } finally {
            Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString(mode));
        }
    }
}
