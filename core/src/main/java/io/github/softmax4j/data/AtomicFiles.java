package io.github.softmax4j.data;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old file or the complete new one, never a part:
 * the bytes go to a temporary file in the same folder, which is then moved into place. If the
 * writer fails, the temporary file is removed and the target is untouched. Only a regular file is
 * ever replaced: a target that is a folder, device, FIFO or socket is refused, and a symbolic link
 * to a regular file is followed, so the file it points to is replaced and the link stays. The
 * write survives a power cut once it returns: the temporary file is forced to the disk before the
 * move, and the folder (which holds the new name) after it.
 */
public final class AtomicFiles {
    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Pattern TEMP_NAME = Pattern.compile("\\.(.+)\\.[0-9a-f]+\\.part");

    /** Forces a file's or a folder's contents to the disk. */
    @FunctionalInterface
    interface Force {
        void force(Path path) throws IOException;
    }

    // what forces to the disk; the tests of this package watch it
    static Force force = AtomicFiles::forceToDisk;

    private AtomicFiles() {
    }

    /** Checks a fully written temporary file before it is moved into place. */
    @FunctionalInterface
    public interface Check {
        void accept(Path written) throws IOException;
    }

    /** Writes {@code target} atomically, creating its folder if needed. */
    public static void write(Path target, Writer writer) throws IOException {
        write(target, writer, written -> { });
    }

    /**
     * Writes {@code target} atomically; {@code check} sees the complete temporary file first and
     * may throw to reject it, leaving {@code target} untouched.
     */
    public static void write(Path target, Writer writer, Check check) throws IOException {
        replace(replaceable(target), writer, check);
    }

    private static void replace(Path target, Writer writer, Check check) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp;
        try {
            temp = createTemp(dir, target.getFileName().toString());
        } catch (IOException e) {
            throw naming(target, e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(new NamingStream(Files.newOutputStream(temp), target),
                    1 << 16)) {
                writer.writeTo(out);
            }
            check.accept(temp);
            try {
                force.force(temp);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                force.force(dir);
            } catch (IOException e) {
                throw naming(target, e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * {@code problem} as a {@link FileSystemException} naming {@code target}: the JDK names the
     * temporary file, which the caller never asked for, or no file at all (a full disk). The problem
     * is not kept as the cause: a stack trace (JShell shows one) would name the temporary file again.
     */
    private static FileSystemException naming(Path target, IOException problem) {
        String file = target.toString();
        if (problem instanceof FileSystemException fs && file.equals(fs.getFile())) {
            return fs;
        }
        String reason = problem instanceof FileSystemException fs ? fs.getReason() : problem.getMessage();
        return problem instanceof AccessDeniedException ? new AccessDeniedException(file, null, reason)
                : problem instanceof NoSuchFileException ? new NoSuchFileException(file, null, reason)
                : new FileSystemException(file, null, reason);
    }

    /** The temporary file's stream, whose failures (a full disk) name the target. */
    private static final class NamingStream extends FilterOutputStream {
        private final Path target;

        NamingStream(OutputStream out, Path target) {
            super(out);
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw naming(target, e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw naming(target, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw naming(target, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw naming(target, e);
            }
        }
    }

    /**
     * The file that writing {@code target} replaces: {@code target} itself, or the regular file a
     * symbolic link points to. Anything else that exists there is refused with a
     * {@link FileSystemException} naming {@code target}, as moving a file over it would replace a
     * device such as /dev/null, a FIFO or a folder.
     */
    public static Path replaceable(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return target;
        }
        if (!Files.isRegularFile(target)) {
            throw new FileSystemException(target.toString(), null, Files.isSymbolicLink(target)
                    ? "is a symbolic link to something that is not a regular file, so it is not replaced"
                    : "exists and is not a regular file (a folder, device, FIFO or socket), so it is not replaced");
        }
        return Files.isSymbolicLink(target) ? target.toRealPath() : target;
    }

    /** The file a temporary file of this class stands in for, or {@code file} itself if it is not one. */
    public static Path targetOf(Path file) {
        Matcher temp = TEMP_NAME.matcher(String.valueOf(file.getFileName()));
        return temp.matches() ? file.resolveSibling(temp.group(1)) : file;
    }

    // a folder opens for reading on Linux and macOS, and forcing it makes its entries durable
    private static void forceToDisk(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * The length in bytes, at most, of the name of the temporary file that writing the file
     * {@code name} makes first: a file system must allow a name this long for the file to be written.
     */
    public static int tempNameBytes(String name) {
        return ("." + name + "." + "f".repeat(16) + ".part").getBytes(StandardCharsets.UTF_8).length;
    }

    // Files.createTempFile would make the file private (0600); a model or metrics file should get
    // the same permissions as any other file the user creates
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name; draw again
            }
        }
    }

    /**
     * Deletes the temporary files a writer left in {@code dir} when its process was killed
     * mid-write; returns how many there were. Call it only when no writer is at work there.
     */
    public static int removeLeftovers(Path dir) throws IOException {
        int removed = 0;
        try (var entries = Files.newDirectoryStream(dir, ".*.part")) {
            for (Path leftover : entries) {
                Files.deleteIfExists(leftover);
                removed++;
            }
        }
        return removed;
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }
}
