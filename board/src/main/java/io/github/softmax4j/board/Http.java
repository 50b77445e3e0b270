package io.github.softmax4j.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reading requests and writing answers: JSON through Jackson, bodies read up to a cap. */
final class Http {
    /** The most of a too-long request body that is read (and dropped) before answering 413. */
    static final long DRAIN_BYTES = 64L << 20;
    /** The one JSON mapper of the board. */
    static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    /** Answers {@code body} as JSON with {@code status}. */
    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(body));
    }

    /** Answers {@code {"error": message}} with {@code status}. */
    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }

    /** Answers {@code body} with its content type; never cached, never sniffed as another type. */
    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * The request body, refused with 413 when it is longer than {@code maxBytes}. The rest of a body
     * that is too long is read and dropped, up to {@link #DRAIN_BYTES}, so that the client, still
     * sending, can read the answer: closing the connection on unread data would reset it.
     */
    static byte[] body(HttpExchange exchange, int maxBytes, String what) throws IOException, HttpProblem {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        String tooLarge = what + " is larger than " + maxBytes / (1 << 20) + " MiB; send a smaller file";
        if (declared != null && declaredLength(declared) > DRAIN_BYTES) {
            throw new HttpProblem(413, tooLarge);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        long total = 0;
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0 && total <= DRAIN_BYTES; n = in.read(buffer)) {
                if (total + n <= maxBytes) {
                    bytes.write(buffer, 0, n);
                }
                total += n;
            }
        }
        if (total > maxBytes) {
            throw new HttpProblem(413, tooLarge);
        }
        if (total == 0) {
            throw new HttpProblem(400, "The request has no body; send " + what.toLowerCase(Locale.ROOT)
                    + "'s bytes as the body");
        }
        return bytes.toByteArray();
    }

    private static long declaredLength(String header) throws HttpProblem {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "The Content-Length header is not a number; send the body's length in bytes");
        }
    }

    /** The query's parameters (the first value of each), decoded. */
    static Map<String, String> query(HttpExchange exchange) throws HttpProblem {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        try {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.putIfAbsent(key, value);
            }
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "The query string is not correctly percent-encoded; encode it and try again");
        }
        return parameters;
    }
}
