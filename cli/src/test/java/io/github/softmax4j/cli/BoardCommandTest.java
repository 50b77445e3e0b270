package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFolderThatDoesNotExistOrIsAFileIsABadOption() throws IOException {
        CliRun missing = CliRun.of("board", dir.resolve("nothing").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("softmax4j board: DIR " + dir.resolve("nothing") + " does not exist; "
                + "start a training run first"), missing.err());
        Path file = Files.writeString(dir.resolve("notes.txt"), "runs");
        CliRun notAFolder = CliRun.of("board", file.toString());
        assertEquals(2, notAFolder.exitCode());
        assertEquals("softmax4j board: DIR " + file + " is a file, not a folder; give the folder it is in, " + dir
                + ", or the folder of your run folders", notAFolder.err().lines().findFirst().orElseThrow());
    }

    @Test
    void aPortOutOfRangeIsABadOption() {
        CliRun run = CliRun.of("board", dir.toString(), "--port", "70000");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--port must be between 0 and 65535, got 70000"), run.err());
    }

    @Test
    void aPortInUseIsOneLineAndExitCode1() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("board", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exitCode());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("softmax4j board: cannot listen on 127.0.0.1 port " + taken.getLocalPort()),
                    run.err());
            assertTrue(run.err().contains("pass another --port, or --port 0 for any free one"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }

    @Test
    void servesUntilStoppedPrintsItsAddressAndWarnsOffLoopback() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread command = new Thread(() -> exit.set(Softmax4jCli.commandLine().setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute("board", dir.toString(), "--host", "0.0.0.0", "--port", "0")));
        command.start();
        Pattern address = Pattern.compile("board: +(http://\\S+/) ");
        Matcher printed = address.matcher("");
        for (int i = 0; i < 200 && !printed.reset(out.toString()).find(); i++) {
            Thread.sleep(50);
        }
        assertTrue(printed.reset(out.toString()).find(), out.toString());
        assertTrue(err.toString().contains("warning: listening on 0.0.0.0; anyone who can reach this address can "
                + "see your runs and use the board"), err.toString());
        assertTrue(printed.group(1).matches("http://localhost:[0-9]+/"), "an address to open: " + printed.group(1));
        assertTrue(out.toString().contains("(listening on all interfaces; runs in "), out.toString());
        URI page = URI.create(printed.group(1));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> runs = http.send(HttpRequest.newBuilder(page.resolve("/api/runs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("[]", runs.body());
        command.interrupt();
        command.join(10_000);
        assertFalse(command.isAlive());
        assertThrows(ConnectException.class, () -> http.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
