package io.github.softmax4j.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The right to write a run or sweep folder, held for the writer's whole life: an operating-system
 * lock on the file {@value #FILE_NAME} in the folder. The system releases it when the process
 * ends, however it ends, so a crash never leaves a folder locked. The file holds the holder's
 * process id, so a refused writer can name it. Readers (compare, the board) never lock.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name in the folder. */
    public static final String FILE_NAME = ".lock";

    private final FileChannel channel;

    private RunLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Locks {@code dir} (created if missing) for this process, or throws an IOException naming the
     * process that holds it.
     */
    public static RunLock acquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IOException(dir + " is in use by softmax4j process " + holder(channel)
                        + "; wait for it to end or stop it, or choose another folder");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            return new RunLock(channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    // null if another process, or this one, holds it
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            return null;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(24);
        channel.read(text, 0);
        String pid = new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII).trim();
        return pid.matches("[0-9]{1,19}") ? pid : "(its id not yet written)";
    }

    /** Releases the folder: closing the lock file's channel releases its lock. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the system releases the lock when this process ends, so the folder is freed all the same
        }
    }
}
