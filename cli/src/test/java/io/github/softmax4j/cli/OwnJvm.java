package io.github.softmax4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs softmax4j in a JVM of its own in a working folder, for what a command leaves in the folder it runs in. */
final class OwnJvm {
    private OwnJvm() {
    }

    static CliRun run(Path workingDir, String... args) {
        return run(workingDir, List.of(), args);
    }

    /**
     * As {@link #run(Path, String...)}, held to files' permissions also as root: without the
     * capabilities that let root read and search anything (setpriv), so a file of mode 000 cannot be read.
     */
    static CliRun runHeldToPermissions(Path workingDir, String... args) {
        boolean root = "root".equals(System.getProperty("user.name"));
        return run(workingDir, root ? List.of("/usr/bin/setpriv", "--inh-caps=-dac_override,-dac_read_search",
                "--bounding-set=-dac_override,-dac_read_search") : List.of(), args);
    }

    private static CliRun run(Path workingDir, List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Softmax4jCli.class.getName()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(workingDir.toFile()).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            String err = read(process.getErrorStream());
            return new CliRun(process.waitFor(), out.join(), err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
