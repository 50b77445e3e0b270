package io.github.softmax4j.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The right to write a run or sweep folder, held for the writer's whole life: an operating-system
 * lock on the file {@value #FILE_NAME} in the folder. The system releases it when the process
 * ends, however it ends, so a crash never leaves a folder locked. The file holds the holder's
 * process id, so a refused writer can name it. Readers (compare, the board, evaluate) never take
 * it: they ask whether it is {@link #held}, with a shared lock taken for a moment, and a writer
 * that asks for the folder in that moment waits it out rather than being refused. Whether a run
 * that says running is training is decided here, by {@link #running}, for every reader alike.
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name in the folder. */
    public static final String FILE_NAME = ".lock";

    // the folders this process holds: on Linux, closing any channel of a lock file would release this process's
    // lock on it, so a folder held here is never opened again while it is held
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();
    // how long a writer waits out a reader's probe (a shared lock held for a moment) before it refuses, and in what steps
    private static final long PROBE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final FileChannel channel;
    private final Path dir;

    private RunLock(FileChannel channel, Path dir) {
        this.channel = channel;
        this.dir = dir;
    }

    /**
     * Locks {@code dir} (created if missing) for this process, or throws a
     * {@link FolderInUseException} naming the process that holds it.
     */
    public static RunLock acquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path key = key(dir);
        if (!HELD_HERE.add(key)) {
            throw new FolderInUseException(dir, String.valueOf(ProcessHandle.current().pid()));
        }
        FileChannel channel;
        try {
            channel = open(dir);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            throw e;
        }
        try {
            FileLock lock = tryLock(channel);
            long deadline = System.nanoTime() + PROBE_WAIT_NANOS;
            while (lock == null && System.nanoTime() - deadline < 0) {
                LockSupport.parkNanos(PAUSE_NANOS);
                lock = tryLock(channel);
            }
            if (lock == null) {
                throw new FolderInUseException(dir, holder(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            return new RunLock(channel, key);
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            channel.close();
            throw e;
        }
    }

    private static FileChannel open(Path dir) throws IOException {
        return FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    // the folder's real path where it exists, so that a folder named through a link is the same folder
    private static Path key(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException missingOrUnreadable) {
            return dir.toAbsolutePath().normalize();
        }
    }

    /**
     * Whether a writer holds {@code dir} now, this process or another. A reader asks without
     * writing anything: it opens the lock file, if there is one, for reading only and takes a
     * shared lock on it for a moment, which a writer's lock excludes. When the system cannot
     * answer (the lock file cannot be opened or locked for reading), the process id the lock file
     * names decides: held while that process lives.
     */
    public static boolean held(Path dir) {
        Boolean held = probe(dir);
        if (held != null) {
            return held;
        }
        try {
            return alive(parsePid(Files.readString(dir.resolve(FILE_NAME), StandardCharsets.US_ASCII)));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * Whether another process holds {@code dir} now, as {@link #held} tells it; this process's own
     * lock does not count. A command that made a folder removes it again, when nothing was written
     * into it, only if no other command has taken it meanwhile.
     */
    public static boolean heldByAnother(Path dir) {
        return !HELD_HERE.contains(key(dir)) && held(dir);
    }

    /**
     * Whether the run in {@code dir}, whose metrics.json says running with the process id
     * {@code pid} (empty when it names none), is training now. The folder's lock decides where
     * there is a lock file and the system can tell (a copied folder, or one whose process id now
     * belongs to another process, is not training); otherwise the process id does: training while
     * it lives, or when the file names none.
     */
    public static boolean running(Path dir, OptionalLong pid) {
        Boolean held = Files.exists(dir.resolve(FILE_NAME)) ? probe(dir) : null;
        if (held != null) {
            return held;
        }
        return pid.isEmpty() || alive(pid);
    }

    // whether the lock is held, or null if the system cannot tell
    private static Boolean probe(Path dir) {
        if (HELD_HERE.contains(key(dir))) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.READ)) {
            FileLock probe = channel.tryLock(0, Long.MAX_VALUE, true);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (NoSuchFileException noLockFile) {
            return false;
        } catch (OverlappingFileLockException heldHere) {
            return true;
        } catch (IOException cannotTell) {
            return null;
        }
    }

    private static boolean alive(OptionalLong pid) {
        return pid.isPresent() && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static OptionalLong parsePid(String text) {
        String pid = text.trim();
        return pid.matches("[0-9]{1,18}") ? OptionalLong.of(Long.parseLong(pid)) : OptionalLong.empty();
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
        OptionalLong pid = parsePid(new String(text.array(), 0, text.position(), StandardCharsets.US_ASCII));
        return pid.isPresent() ? String.valueOf(pid.getAsLong()) : "(its id not yet written)";
    }

    /** Releases the folder: closing the lock file's channel releases its lock. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // the system releases the lock when this process ends, so the folder is freed all the same
        } finally {
            HELD_HERE.remove(dir);
        }
    }
}
