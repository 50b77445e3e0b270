package io.github.softmax4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.train.RunStatus;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
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
            IOException refused = assertThrows(IOException.class, () -> Sweep.open(TrainingJobTest.grid(), sweepDir,
                    TrainingJobTest.CLASS_NAMES, 2, 2));
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
        }
        assertFalse(RunLock.held(run));
        Process writer = LockProcess.start("hold", run.toString());
        try {
            assertEquals("held", LockProcess.firstLine(writer));
            assertTrue(RunLock.held(run));
            assertEquals(RunStatus.RUNNING, RunFolder.read(run, dir).status());
            assertTrue(RunLock.held(run), "asking does not release the other process's lock");
            assertEquals("refused", LockProcess.firstLine(LockProcess.start("try", run.toString())));
        } finally {
            writer.getOutputStream().close();
        }
        assertEquals(0, waitFor(writer));
        assertFalse(RunLock.held(run));
    }

    @Test
    void onlyAnotherProcesssLockIsHeldByAnother() throws IOException {
        Path run = dir.resolve("made");
        try (RunLock own = RunLock.acquire(run)) {
            assertTrue(RunLock.held(run));
            assertFalse(RunLock.heldByAnother(run), "this process's own lock");
        }
        assertFalse(RunLock.heldByAnother(run));
        Process writer = LockProcess.start("hold", run.toString());
        try {
            assertEquals("held", LockProcess.firstLine(writer));
            assertTrue(RunLock.heldByAnother(run));
        } finally {
            writer.getOutputStream().close();
        }
        assertEquals(0, waitFor(writer));
        assertFalse(RunLock.heldByAnother(run));
    }

    @Test
    void aWriterIsNeverRefusedForAReaderAskingAtTheSameMoment() throws IOException {
        Path run = Files.createDirectories(dir.resolve("asked"));
        Process writer = LockProcess.start("cycle", run.toString(), "1000");
        while (writer.isAlive()) {
            RunLock.held(run);
        }
        assertEquals("0", LockProcess.firstLine(writer), "takes refused of 1000");
    }

    @Test
    void aFolderNamedThroughALinkIsTheSameFolderAndAskingThroughItKeepsTheLock() throws IOException {
        Path run = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), run);
        try (RunLock writer = RunLock.acquire(run)) {
            assertTrue(RunLock.held(link));
            IOException refused = assertThrows(IOException.class, () -> RunLock.acquire(link));
            assertTrue(refused.getMessage().contains("in use by softmax4j process " + ProcessHandle.current().pid()),
                    refused.getMessage());
            assertEquals("refused", LockProcess.firstLine(LockProcess.start("try", run.toString())),
                    "another process is still refused");
        }
        assertEquals("acquired", LockProcess.firstLine(LockProcess.start("try", link.toString())));
    }

    @Test
    void aLockFileTheSystemCannotProbeLeavesItToTheProcessId() throws IOException {
        Path run = Files.createDirectories(dir.resolve("socket"));
        String config = "\"config\": {}, \"epochs\": []}";
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            // a socket where the lock file should be cannot even be opened to be asked
            socket.bind(UnixDomainSocketAddress.of(run.resolve(RunLock.FILE_NAME)));
            Files.writeString(run.resolve("metrics.json"), "{\"status\": \"running\", \"pid\": "
                    + ProcessHandle.current().pid() + ", " + config);
            assertEquals(RunStatus.RUNNING, RunFolder.read(run, dir).status());
            assertFalse(RunLock.held(run), "its lock file names no process");
            Files.writeString(run.resolve("metrics.json"), "{\"status\": \"running\", \"pid\": 2147483647, " + config);
            assertEquals(RunStatus.INTERRUPTED, RunFolder.read(run, dir).status());
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
