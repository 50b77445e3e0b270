package io.github.softmax4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.train.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedNamingTheHolderUntilTheFirstLetsGo() throws IOException {
        Path run = dir.resolve("run");
        try (RunLock first = RunLock.acquire(run)) {
            IOException refused = assertThrows(IOException.class, () -> RunLock.acquire(run));
            assertTrue(refused.getMessage().contains(run + " is in use by softmax4j process "
                    + ProcessHandle.current().pid()), refused.getMessage());
            assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(run.resolve(RunLock.FILE_NAME)));
        }
        try (RunLock again = RunLock.acquire(run)) {
            assertTrue(Files.isRegularFile(run.resolve(RunLock.FILE_NAME)));
        }
    }

    @Test
    void aSweepInUseIsRefusedBeforeItWritesAnything() throws IOException {
        Path sweepDir = dir.resolve("sweep");
        try (RunLock held = RunLock.acquire(sweepDir)) {
            Sweep sweep = new Sweep(TrainingJobTest.grid(), sweepDir, TrainingJobTest.CLASS_NAMES, 2, 2);
            IOException refused = assertThrows(IOException.class, () -> sweep.run(TrainingJobTest.data(64),
                    TrainingJobTest.data(16), 1, 1, progress -> { }, new StopRequest()));
            assertTrue(refused.getMessage().contains("is in use by softmax4j process"), refused.getMessage());
            try (var entries = Files.list(sweepDir)) {
                assertEquals(1, entries.count(), "only the lock file");
            }
        }
    }

    @Test
    void aRunThatSaysRunningIsRunningOnlyWhileItsLockIsHeld() throws IOException {
        Path run = Files.createDirectories(dir.resolve("copied"));
        // a copied folder: process 1 is alive, but it is not the run's writer
        Files.writeString(run.resolve("metrics.json"), "{\"status\": \"running\", \"pid\": 1, \"config\": {}, "
                + "\"epochs\": []}");
        assertEquals(RunStatus.RUNNING, RunFolder.read(run, dir).status(), "without a lock file, the process id decides");
        Files.writeString(run.resolve(RunLock.FILE_NAME), "1\n");
        assertFalse(RunLock.held(run));
        assertEquals(RunStatus.INTERRUPTED, RunFolder.read(run, dir).status());
        try (RunLock writer = RunLock.acquire(run)) {
            assertTrue(RunLock.held(run));
            assertEquals(RunStatus.RUNNING, RunFolder.read(run, dir).status());
            assertTrue(RunLock.held(run), "asking does not release the writer's lock");
        }
        assertFalse(RunLock.held(run));
    }
}
