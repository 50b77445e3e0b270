package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an atomic write replaces: a regular file, or the regular file a link points to; nothing else. */
class AtomicFilesTargetTest {
    @TempDir
    Path dir;

    static Path fifo(Path path) throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());
        return path;
    }

    private long leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        }
    }

    @Test
    void aFifoIsRefusedAndStaysAFifo() throws IOException, InterruptedException {
        Path fifo = fifo(dir.resolve("chart.png"));
        FileSystemException refused = assertThrows(FileSystemException.class,
                () -> AtomicFiles.write(fifo, new byte[] {1, 2, 3}));
        assertEquals(fifo.toString(), refused.getFile());
        assertTrue(refused.getReason().contains("not a regular file"), refused.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
        assertEquals(0, leftovers());
    }

    @Test
    void aCharacterDeviceIsNeverReplaced() throws IOException, InterruptedException {
        Path device = dir.resolve("null");
        Process mknod = new ProcessBuilder("mknod", device.toString(), "c", "1", "3").start();
        assumeTrue(mknod.waitFor() == 0, "mknod needs root");
        assertThrows(FileSystemException.class, () -> AtomicFiles.write(device, new byte[] {1}));
        assertTrue(Files.exists(device) && !Files.isRegularFile(device));
    }

    @Test
    void aLinkToAFileReplacesTheFileAndKeepsTheLink() throws IOException {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("grid.png"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.png"), real);
        AtomicFiles.write(link, "new".getBytes());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aBrokenLinkOrALinkToAFolderIsRefused() throws IOException {
        Path broken = Files.createSymbolicLink(dir.resolve("broken.png"), dir.resolve("nowhere.png"));
        Path toFolder = Files.createSymbolicLink(dir.resolve("folder.png"), Files.createDirectory(dir.resolve("d")));
        assertThrows(FileSystemException.class, () -> AtomicFiles.write(broken, new byte[] {1}));
        assertThrows(FileSystemException.class, () -> AtomicFiles.write(toFolder, new byte[] {1}));
        assertTrue(Files.isSymbolicLink(broken) && Files.isSymbolicLink(toFolder));
        assertFalse(Files.exists(dir.resolve("nowhere.png"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aTemporaryFileIsTracedBackToItsTarget() {
        assertEquals(dir.resolve("risk-coverage.png"), AtomicFiles.targetOf(dir.resolve(".risk-coverage.png.3fa9c2.part")));
        assertEquals(dir.resolve("model.part"), AtomicFiles.targetOf(dir.resolve("model.part")));
    }
}
