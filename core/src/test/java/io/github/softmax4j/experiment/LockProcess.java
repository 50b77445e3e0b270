package io.github.softmax4j.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second process for the tests of the lock and of those who read it (in core and cli).
 * {@code hold DIR} takes the folder's lock, prints "held" and keeps it until its input ends;
 * {@code cycle DIR N} takes and releases it N times and prints how many of them were refused;
 * {@code try DIR} prints "acquired" or "refused".
 */
public final class LockProcess {
    private LockProcess() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "hold" -> {
                try (RunLock lock = RunLock.acquire(dir)) {
                    System.out.println("held");
                    System.out.flush();
                    System.in.readAllBytes();
                }
            }
            case "cycle" -> {
                int times = Integer.parseInt(args[2]);
                int acquired = 0;
                for (int i = 0; i < times; i++) {
                    try (RunLock lock = RunLock.acquire(dir)) {
                        acquired++;
                    } catch (IOException inUse) {
                        // counted below
                    }
                }
                System.out.println(times - acquired);
            }
            default -> {
                try (RunLock lock = RunLock.acquire(dir)) {
                    System.out.println("acquired");
                } catch (IOException inUse) {
                    System.out.println("refused");
                }
            }
        }
    }

    /** Starts {@code java LockProcess args...} with this JVM's class path. */
    public static Process start(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), LockProcess.class.getName()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line the process prints. */
    public static String firstLine(Process process) throws IOException {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
}
