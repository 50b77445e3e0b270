package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.junit.jupiter.api.Test;

class FileProblemTest {
    @Test
    void aBarePathBecomesAFileAProblemAndWhatToDo() {
        assertEquals("/proc/x: no such file or folder, or it cannot be created there; check the path",
                FileProblem.describe(new NoSuchFileException("/proc/x")));
        assertEquals("/data/train-images-idx3-ubyte.gz: permission denied; check its permissions and its folder's, "
                + "or choose another place", FileProblem.describe(new AccessDeniedException("/data/train-images-idx3-ubyte.gz")));
        assertEquals("/runs/a: is not a folder; give a folder", FileProblem.describe(new NotDirectoryException("/runs/a")));
        assertEquals("/runs/b: the folder is not empty; choose a new folder",
                FileProblem.describe(new DirectoryNotEmptyException("/runs/b")));
        assertEquals("/runs/c: already exists; choose another name",
                FileProblem.describe(new FileAlreadyExistsException("/runs/c")));
        assertEquals("/runs/d: its symbolic links go round in a loop; give the real path",
                FileProblem.describe(new FileSystemLoopException("/runs/d")));
    }

    @Test
    void aTemporaryFileIsReportedAsTheFileBeingWritten() {
        assertEquals("/m/risk-coverage.png: permission denied; check its permissions and its folder's, or choose "
                + "another place", FileProblem.describe(new AccessDeniedException("/m/.risk-coverage.png.9a0b1c.part")));
        assertEquals("/ro/grid.png: Read-only file system; choose a folder that can be written",
                FileProblem.describe(new FileSystemException("/ro/.grid.png.77.part", null, "Read-only file system")));
        assertEquals("/full/model.safetensors -> /full/b: No space left on device; free some space or choose another "
                + "disk", FileProblem.describe(new FileSystemException("/full/.model.safetensors.4e.part", "/full/b",
                "No space left on device")));
        assertEquals("/a/file/x: Not a directory; a part of the path is a file, not a folder",
                FileProblem.describe(new FileSystemException("/a/file/x", null, "Not a directory")));
        assertEquals("/dev/sda: Device busy; check the path",
                FileProblem.describe(new FileSystemException("/dev/sda", null, "Device busy")));
    }

    @Test
    void theFaultAloneNamesTheFileAndTheReasonWithoutARemedy() {
        assertEquals("/full/curves.png: No space left on device", FileProblem.fault(
                new FileSystemException("/full/.curves.png.77.part", null, "No space left on device")));
        assertEquals("/ro/report.html: permission denied", FileProblem.fault(new AccessDeniedException("/ro/report.html")));
        assertEquals("metrics.json is damaged", FileProblem.fault(new IOException("metrics.json is damaged")));
    }

    @Test
    void anUncheckedProblemIsTheProblemItWraps() {
        assertEquals("/x: Is a directory; give a file, not a folder", FileProblem.describe(
                new UncheckedIOException(new FileSystemException("/x", null, "Is a directory"))));
        assertEquals("metrics.json is damaged", FileProblem.describe(new IOException("metrics.json is damaged")));
    }

    @Test
    void aNameTheLocaleCannotHoldSaysHowToFixTheLocale() {
        assertEquals("'caf?.png' cannot be used as a file name here: the locale cannot spell its letters outside "
                + "ASCII; run with a UTF-8 locale such as LC_ALL=C.UTF-8, or rename it", FileProblem.describe(
                new InvalidPathException("caf?.png", "Malformed input or input contains unmappable characters")));
        // the nul, as every control character of a name, is not printed to the terminal
        assertEquals("'a\uFFFDb' cannot be used as a file name (nul character not allowed); rename it",
                FileProblem.describe(new InvalidPathException("a\u0000b", "Nul character not allowed")));
    }
}
