package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs softmax4j in a JVM of its own, in a working folder, with one folder that it cannot write
 * (and, if given, one folder inside it that it can): mode 555 for an ordinary user; for root, whom
 * permissions do not stop, a read-only bind mount of the folder (and a writable one of the folder
 * inside) in a mount namespace of the command's own (unshare), so nothing outside changes.
 */
final class Unwritable {
    private static final String READ_ONLY = "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" "
            + "\"$0\"";
    private static final String WRITABLE_INSIDE = " && mount --bind \"$1\" \"$1\" && mount -o remount,bind,rw "
            + "\"$1\" \"$1\"";

    private Unwritable() {
    }

    static CliRun run(Path workingDir, Path readOnly, String... args) {
        return run(workingDir, readOnly, null, args);
    }

    /** As {@link #run(Path, Path, String...)}, with {@code writable}, a folder inside {@code readOnly}, writable. */
    static CliRun runWithWritableInside(Path workingDir, Path readOnly, Path writable, String... args) {
        return run(workingDir, readOnly, writable, args);
    }

    private static CliRun run(Path workingDir, Path readOnly, Path writable, String... args) {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> command = new ArrayList<>();
            if (root) {
                assumeTrue(canUnshare(), "as root, a mount namespace of its own (unshare -m) is needed");
                command.addAll(List.of("/usr/bin/unshare", "-m", "sh", "-c", writable == null
                        ? READ_ONLY + " && exec \"$@\"" : READ_ONLY + WRITABLE_INSIDE + " && shift && exec \"$@\"",
                        readOnly.toAbsolutePath().toString()));
                if (writable != null) {
                    command.add(writable.toAbsolutePath().toString());
                }
            } else {
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), Softmax4jCli.class.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            String err = read(process.getErrorStream());
            int code = process.waitFor();
            if (!root) {
                Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new CliRun(code, out.join(), err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // unshare may be missing, or refused where the container allows no new namespaces
    private static boolean canUnshare() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            return false;
        }
        Process probe = new ProcessBuilder("/usr/bin/unshare", "-m", "true").redirectErrorStream(true).start();
        read(probe.getInputStream());
        return probe.waitFor() == 0;
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
