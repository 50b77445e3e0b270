package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs softmax4j commands one after another, each in a JVM of its own, on a small disk of their
 * own: a tmpfs of a given size mounted on a folder in a mount namespace of the commands' own
 * (unshare, as root), so nothing outside fills up. Between two commands the disk can be filled to
 * the last byte ({@link #FILL}). What the disk holds at the end is copied to a folder outside,
 * since the disk goes with the namespace.
 */
final class FullDisk {
    /** A step that fills the disk instead of running a command. */
    static final List<String> FILL = List.of();

    private FullDisk() {
    }

    /**
     * Runs {@code steps} in {@code workingDir} with a disk of {@code kib} KiB on {@code disk};
     * returns each command's run (a {@link #FILL} step's is empty) and copies the disk into {@code copy}.
     */
    static List<CliRun> run(Path workingDir, Path disk, long kib, Path copy, List<List<String>> steps) {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small disk needs root");
        try {
            assumeTrue(canUnshare(), "a mount namespace of its own (unshare -m) is needed");
            Path logs = Files.createDirectories(copy.resolveSibling(copy.getFileName() + "-logs"));
            Files.createDirectories(disk);
            Files.createDirectories(copy);
            StringBuilder script = new StringBuilder("mount -t tmpfs -o size=" + kib + "k tmpfs " + quoted(disk)
                    + " || exit 97\n");
            String java = quoted(Path.of(System.getProperty("java.home"), "bin", "java").toString()) + " -cp "
                    + quoted(System.getProperty("java.class.path")) + " " + Softmax4jCli.class.getName();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).isEmpty()) {
                    script.append("cat /dev/zero > ").append(quoted(disk.resolve(".filler"))).append(" 2>/dev/null\n");
                    continue;
                }
                script.append(java);
                for (String arg : steps.get(i)) {
                    script.append(' ').append(quoted(arg));
                }
                script.append(" >").append(quoted(logs.resolve("out" + i))).append(" 2>")
                        .append(quoted(logs.resolve("err" + i))).append("; echo $? >")
                        .append(quoted(logs.resolve("code" + i))).append('\n');
            }
            script.append("rm -f ").append(quoted(disk.resolve(".filler"))).append('\n');
            script.append("cp -a ").append(quoted(disk + "/.")).append(' ').append(quoted(copy)).append('\n');
            Process process = new ProcessBuilder("/usr/bin/unshare", "-m", "sh", "-c", script.toString())
                    .directory(workingDir.toFile()).redirectErrorStream(true).start();
            String shell = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the small disk's script failed: " + shell);
            }
            List<CliRun> runs = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                runs.add(steps.get(i).isEmpty() ? new CliRun(0, "", "") : new CliRun(
                        Integer.parseInt(Files.readString(logs.resolve("code" + i)).strip()),
                        Files.readString(logs.resolve("out" + i)), Files.readString(logs.resolve("err" + i))));
            }
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(Object text) {
        return "'" + text.toString().replace("'", "'\\''") + "'";
    }

    // unshare may be missing, or refused where the container allows no new namespaces
    private static boolean canUnshare() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            return false;
        }
        Process probe = new ProcessBuilder("/usr/bin/unshare", "-m", "true").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor() == 0;
    }
}
