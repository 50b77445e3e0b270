package io.github.softmax4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The program a {@link LauncherTest} puts in place of the real jar: {@code wait} announces itself
 * and sleeps until it is stopped, then says so on stderr as it shuts down; {@code command} prints
 * how the launcher says the user ran it; {@code train}, with PROBE_TRAIN_STARTED set, creates that
 * file and sleeps (the launcher's one-epoch run that records the class archive), with
 * PROBE_TRAIN_ENDS_WITH set, ends at once with that status (134 for a JVM that crashed, 137 for one
 * the out-of-memory killer ended); anything else
 * prints its arguments and ends. It uses the JDK alone, so its one class file is the whole jar.
 */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        String started = System.getenv("PROBE_TRAIN_STARTED");
        String ends = System.getenv("PROBE_TRAIN_ENDS_WITH");
        if (args.length > 0 && args[0].equals("train") && ends != null) {
            Runtime.getRuntime().halt(Integer.parseInt(ends));
        }
        if (args.length > 0 && args[0].equals("train") && started != null) {
            Files.createFile(Path.of(started));
            Thread.sleep(Long.MAX_VALUE);
        }
        if (args.length > 0 && args[0].equals("wait")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.println("stopped")));
            System.out.println("waiting");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        if (args.length > 0 && args[0].equals("command")) {
            System.out.println(System.getProperty("softmax4j.command"));
            return;
        }
        System.out.println("ran " + String.join(" ", args));
    }
}
