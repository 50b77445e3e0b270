package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The launcher script {@code softmax4j}, run from a copy of the project's layout whose jar is a
 * {@link LauncherProbe} and whose Maven is a script that builds slowly: a signal sent to the
 * launcher reaches the JVM, and launches started together after a source change build once.
 */
@EnabledOnOs(OS.LINUX)
class LauncherTest {
    @TempDir
    Path home;

    private Path jar;
    private Path builds;

    @BeforeEach
    void copyTheLayout() throws IOException {
        Path launcher = home.resolve("softmax4j");
        Files.copy(Path.of("..", "softmax4j"), launcher);
        for (String module : List.of("core", "board", "cli")) {
            Files.createDirectories(home.resolve(module).resolve("src/main/java"));
            Files.writeString(home.resolve(module).resolve("pom.xml"), "<project/>");
        }
        Files.writeString(home.resolve("pom.xml"), "<project/>");
        Path directives = Path.of("src", "main", "jvm", "compiler-directives.json");
        Files.createDirectories(home.resolve("cli").resolve(directives).getParent());
        Files.copy(directives, home.resolve("cli").resolve(directives));
        Path target = Files.createDirectories(home.resolve("cli/target"));
        jar = target.resolve("softmax4j.jar");
        Path probe = home.resolve("probe.jar");
        writeProbeJar(probe);
        // the stand-in for Maven deletes the jar, takes a while, then writes it: launches that build
        // at the same time run a missing or half-built jar, and each is counted
        builds = home.resolve("builds");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho build >> '" + builds + "'\nrm -f '" + jar + "'\n"
                + "sleep 0.3\nhead -c 100 '" + probe + "' > '" + jar + "'\nsleep 0.3\ncp '" + probe + "' '" + jar + "'\n");
        Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.copy(probe, jar);
        // sources older than the jar: the launcher has nothing to build
        FileTime past = FileTime.from(Instant.now().minusSeconds(60));
        try (var files = Files.walk(home)) {
            for (Path file : files.filter(file -> !file.startsWith(target)).toList()) {
                Files.setLastModifiedTime(file, past);
            }
        }
    }

    private static void writeProbeJar(Path probe) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(probe);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    private Process launch(String... args) throws IOException {
        return launch(new ArrayList<>(), args);
    }

    /** Starts the launcher behind {@code prefix}, a command that runs it (or nothing). */
    private Process launch(List<String> prefix, String... args) throws IOException {
        // no data set: the launcher makes no class data sharing archive after a build
        return launch(Map.of("FASHION_MNIST_DIR", home.resolve("no-data").toString()), prefix, args);
    }

    /** As {@link #launch(List, String...)}, with {@code environment} added to this one's. */
    private Process launch(Map<String, String> environment, List<String> prefix, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(home.resolve("softmax4j").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs {@code command} (the launcher as a user would type it) from {@code folder}; returns what it printed. */
    private String ranAs(Path folder, String command, String path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command + " command").directory(folder.toFile())
                .redirectErrorStream(true);
        builder.environment().put("PATH", path + ":" + home.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("FASHION_MNIST_DIR", home.resolve("no-data").toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void theToolIsToldHowTheUserRanTheLauncherSoTheCommandsItSuggestsCanBeTypedAgain()
            throws IOException, InterruptedException {
        Path elsewhere = Files.createDirectories(home.resolve("elsewhere"));
        Path onPath = Files.createDirectories(home.resolve("on-path"));
        Files.createSymbolicLink(onPath.resolve("softmax4j"), home.resolve("softmax4j"));
        assertEquals("./softmax4j", ranAs(home, "./softmax4j", "/nowhere"));
        assertEquals("../softmax4j", ranAs(elsewhere, "../softmax4j", "/nowhere"));
        assertEquals(home.resolve("softmax4j").toString(), ranAs(elsewhere, home.resolve("softmax4j").toString(),
                "/nowhere"));
        assertEquals("softmax4j", ranAs(elsewhere, "softmax4j", onPath.toString()), "found on the PATH");
        assertEquals("softmax4j", ranAs(home, "./softmax4j", onPath.toString()),
                "the name on the PATH is this launcher, so the short name works too");
    }

    /** The processes still running from this test's copy of the project. */
    private List<ProcessHandle> leftOver() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(home.toString()))
                .toList();
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void aSignalToTheLauncherStopsTheJvmAndItsStatusIsTheJvms(String signal, int status)
            throws IOException, InterruptedException {
        Process launcher = launch("wait");
        BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("waiting", out.readLine());
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(launcher.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(launcher.waitFor(20, TimeUnit.SECONDS), "the launcher ended after SIG" + signal);
        assertEquals(status, launcher.exitValue());
        for (int tries = 0; !leftOver().isEmpty() && tries < 50; tries++) {
            Thread.sleep(100);
        }
        List<ProcessHandle> left = leftOver();
        left.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), left.stream().map(p -> p.info().commandLine().orElse("")).toList(),
                "no process of the run is left after SIG" + signal);
    }

    @Test
    void whatTheJvmSaysAsCtrlCStopsItStillReachesTheTerminal() throws IOException, InterruptedException {
        // Ctrl-C signals the whole foreground process group: the JVM and the launcher's stderr filter;
        // setsid gives the launcher a group of its own, as a shell gives each command line
        Process launcher = launch(List.of("setsid"), "wait");
        BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8));
        assertEquals("waiting", out.readLine());
        Process interrupt = new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid()).start();
        assertEquals(0, interrupt.waitFor());
        assertEquals("stopped", out.readLine());
        assertTrue(launcher.waitFor(20, TimeUnit.SECONDS));
        assertEquals(130, launcher.exitValue());
    }

    /**
     * Once the {@code launcher} (in a process group of its own) has printed a line starting with
     * {@code announced} and the step under it has made {@code started}, Ctrl-C to the group stops
     * it with exit code 130, after {@code last}.
     */
    private static void assertCtrlCStopsAfter(Process launcher, String announced, Path started, String last)
            throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                StandardCharsets.UTF_8));
        assertTrue(out.readLine().startsWith(announced));
        for (int tries = 0; !Files.exists(started) && tries < 200; tries++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(started), "the step was started");
        Process interrupt = new ProcessBuilder("kill", "-INT", "--", "-" + launcher.pid()).start();
        assertEquals(0, interrupt.waitFor());
        assertEquals(last, out.readLine());
        assertTrue(launcher.waitFor(20, TimeUnit.SECONDS));
        assertEquals(130, launcher.exitValue());
    }

    @Test
    void ctrlCDuringTheBuildStopsItAndTheLauncherSaysSo() throws IOException, InterruptedException {
        sourcesChanged();
        Path started = home.resolve("maven-started");
        Files.writeString(home.resolve("bin/mvn"), "#!/bin/sh\ntouch '" + started + "'\nsleep 30\n");
        // Ctrl-C signals the whole foreground process group: the launcher and Maven under it
        assertCtrlCStopsAfter(launch(List.of("setsid"), "--version"), "softmax4j: building the tool", started,
                "softmax4j: the build was stopped; the next launch builds again");
    }

    @Test
    void ctrlCWhilePreparingFasterStartsStopsThereAndTheLauncherSaysSo() throws IOException, InterruptedException {
        // a data set is there, so the launcher records the class archive with a one-epoch run
        Path data = Files.createDirectories(home.resolve("data"));
        Files.createFile(data.resolve("train-images-idx3-ubyte.gz"));
        Path started = home.resolve("train-started");
        assertCtrlCStopsAfter(launch(Map.of("FASHION_MNIST_DIR", data.toString(), "PROBE_TRAIN_STARTED",
                started.toString()), List.of("setsid"), "--version"), "softmax4j: preparing faster starts", started,
                "softmax4j: stopped while preparing faster starts; the command was not run, and the next launch "
                        + "prepares them again");
        assertFalse(Files.exists(jar.resolveSibling("softmax4j.jsa.failed")), "a stop is not a failure");
    }

    @ParameterizedTest
    @ValueSource(ints = {134, 137})
    void aCrashWhilePreparingFasterStartsIsAFailureAndTheCommandStillRuns(int status)
            throws IOException, InterruptedException {
        Path data = Files.createDirectories(home.resolve("data"));
        Files.createFile(data.resolve("train-images-idx3-ubyte.gz"));
        Process launcher = launch(Map.of("FASHION_MNIST_DIR", data.toString(), "PROBE_TRAIN_ENDS_WITH",
                Integer.toString(status)), List.of(), "--version");
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, launcher.exitValue(), output);
        assertFalse(output.contains("stopped"), output);
        assertTrue(output.contains("softmax4j: preparing faster starts failed with exit status " + status + "; commands run "
                + "without it until the next build\n"), output);
        assertTrue(output.strip().endsWith("ran --version"), output);
        assertTrue(Files.exists(jar.resolveSibling("softmax4j.jsa.failed")), "not tried again until the next build");
    }

    @ParameterizedTest
    @CsvSource({"true, Maven 3.8 or newer (mvn)", "false, Java 17 or newer (java)"})
    void aMissingJavaOrMavenIsNamedWithHowToInstallIt(boolean withJava, String needed)
            throws IOException, InterruptedException {
        sourcesChanged();
        // a PATH with the tools a shell script needs, and java or not, but never Maven
        Path tools = Files.createDirectories(home.resolve("tools"));
        for (String tool : List.of("bash", "dirname", "readlink", "find", "mkdir", "flock", "rm", "mktemp")) {
            Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        if (withJava) {
            Files.createSymbolicLink(tools.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("softmax4j").toString(), "--version")
                .redirectErrorStream(true);
        builder.environment().put("PATH", tools.toString());
        Process launcher = builder.start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(20, TimeUnit.SECONDS));
        assertEquals(1, launcher.exitValue(), output);
        assertEquals(1, output.lines().count(), output);
        assertTrue(output.startsWith("softmax4j: ") && output.contains("needs " + needed + ", which is not on the PATH")
                && output.contains("apt-get install"), output);
    }

    private void sourcesChanged() throws IOException {
        Files.writeString(home.resolve("core/src/main/java/Changed.java"), "class Changed {}");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(30)));
    }

    @Test
    void launchesStartedTogetherAfterASourceChangeBuildOnceAndAllRun() throws IOException, InterruptedException {
        sourcesChanged();
        List<Process> launches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            launches.add(launch("--version"));
        }
        for (Process launch : launches) {
            String output = new String(launch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(launch.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, launch.exitValue(), output);
            assertTrue(output.endsWith("ran --version\n"), output);
        }
        assertEquals(List.of("build"), Files.readAllLines(builds));
    }
}
