package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The address a board prints is one a person can open in a browser. */
class BoardAddressTest {
    @TempDir
    Path dir;

    private String answerAt(URI page) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(page.resolve("/api/runs")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aBoardOnEveryInterfaceIsAtLocalhost() throws Exception {
        try (Board board = Board.start(dir, new InetSocketAddress("0.0.0.0", 0), null)) {
            assertTrue(board.address().toString().matches("http://localhost:[0-9]+/"), board.address().toString());
            assertTrue(board.allInterfaces());
            assertEquals("[]", answerAt(board.address()));
        }
    }

    @Test
    void aBoardOnIpv6LoopbackIsWrittenShort() throws Exception {
        InetAddress loopback = InetAddress.getByName("::1");
        Board board;
        try {
            board = Board.start(dir, new InetSocketAddress(loopback, 0), null);
        } catch (IOException e) {
            assumeTrue(false, "this machine has no IPv6 loopback: " + e.getMessage());
            return;
        }
        try (board) {
            assertTrue(board.address().toString().matches("http://\\[::1]:[0-9]+/"), board.address().toString());
            assertFalse(board.allInterfaces());
            assertEquals("[]", answerAt(board.address()));
        }
    }

    @Test
    void ipv6AddressesLoseTheirLongestRunOfZeroGroups() {
        assertEquals("::1", Board.shortIpv6("0:0:0:0:0:0:0:1"));
        assertEquals("::", Board.shortIpv6("0:0:0:0:0:0:0:0"));
        assertEquals("fe80::1%25eth0", Board.shortIpv6("fe80:0:0:0:0:0:0:1%eth0"));
        // the longest run, the first of two equal ones; a single zero group stays
        assertEquals("1:0:0:2::3", Board.shortIpv6("1:0:0:2:0:0:0:3"));
        assertEquals("1::2:0:0:3:4", Board.shortIpv6("1:0:0:2:0:0:3:4"));
        assertEquals("1:0:2:3:4:5:6:7", Board.shortIpv6("1:0:2:3:4:5:6:7"));
        assertEquals("2001:db8::", Board.shortIpv6("2001:db8:0:0:0:0:0:0"));
    }
}
