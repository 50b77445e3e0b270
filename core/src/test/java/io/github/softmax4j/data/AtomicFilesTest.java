package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void theNewBytesAndThenTheFolderEntryAreForcedToTheDiskBeforeTheWriteReturns() throws IOException {
        Path target = Files.writeString(dir.resolve("checkpoint.safetensors"), "old");
        List<String> forced = new ArrayList<>();
        AtomicFiles.Force disk = AtomicFiles.force;
        AtomicFiles.force = path -> {
            // what the disk holds at each force: the temporary file's new bytes, then the folder with the new name
            forced.add(Files.isDirectory(path) ? (path.equals(dir) ? "its folder" : path) + " with target "
                    + Files.readString(target) : "file " + Files.readString(path) + " while target " + Files.readString(target));
            disk.force(path);
        };
        try {
            AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        } finally {
            AtomicFiles.force = disk;
        }
        assertEquals(List.of("file new while target old", "its folder with target new"), forced);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = Files.writeString(dir.resolve("model.bin"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("new, but".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(0, leftovers());
    }

    @Test
    void aFailureOfTheDiskNamesTheTargetNotTheTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("model.safetensors"), "old");
        AtomicFiles.Force disk = AtomicFiles.force;
        AtomicFiles.force = path -> {
            throw new IOException("No space left on device");
        };
        IOException full;
        try {
            full = assertThrows(IOException.class, () -> AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8)));
        } finally {
            AtomicFiles.force = disk;
        }
        assertEquals(target + ": No space left on device", full.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(0, leftovers());
    }

    @Test
    void aFolderWhereNoFileCanBeCreatedIsReportedWithTheTargetsName() {
        // no file can be created in /proc/self, not even by root
        Path target = Path.of("/proc/self/d2l-3.7.safetensors");
        IOException refused = assertThrows(IOException.class, () -> AtomicFiles.write(target, new byte[] {1}));
        assertTrue(refused.getMessage().startsWith(target.toString()), refused.getMessage());
        assertFalse(refused.getMessage().contains(".part"), refused.getMessage());
        // nor anywhere in what JShell shows of it: the exception with its causes
        StringWriter shown = new StringWriter();
        refused.printStackTrace(new PrintWriter(shown));
        assertFalse(shown.toString().contains(".part"), shown.toString());
    }

    @Test
    void aRejectedCheckLeavesNothing() throws IOException {
        Path target = dir.resolve("download.gz");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write(1), written -> {
            throw new IOException("wrong checksum");
        }));
        assertFalse(Files.exists(target));
        assertEquals(0, leftovers());
    }

    @Test
    void aProcessKilledMidWriteNeverLeavesAPartialTarget() throws IOException, InterruptedException {
        Path target = dir.resolve("big.bin");
        Random random = new Random(5);
        int killedMidWrite = 0;
        for (int kill = 0; kill < 6; kill++) {
            Process victim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AtomicWriteVictim.class.getName(), target.toString())
                    .redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("version ")) {
                printed.append(line).append('\n');
            }
            assertTrue(line != null, () -> "the victim completes a version before it is killed, but printed: " + printed);
            Thread.sleep(random.nextInt(60));
            assertTrue(victim.isAlive(), "the victim is still writing");
            victim.destroyForcibly();
            victim.waitFor();
            byte[] content = Files.readAllBytes(target);
            assertEquals(AtomicWriteVictim.SIZE, content.length, "whole");
            for (byte b : content) {
                assertEquals(content[0], b, "one version, not a mix");
            }
            killedMidWrite += leftovers() > 0 ? 1 : 0;
            AtomicFiles.removeLeftovers(dir);
            assertEquals(0, leftovers());
        }
        assertTrue(killedMidWrite > 0, "at least one kill landed during a write");
    }
}
