package io.github.softmax4j.board;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The page itself, from the classpath: {@code /} is index.html, {@code /app/NAME.js|css} the
 * page's own modules and styles, {@code /vendor/uPlot.esm.js} and {@code /vendor/uPlot.min.css}
 * the chart library from its WebJar. Names are checked against a pattern before any resource is
 * looked up, so nothing else on the classpath can be reached; there is no listing.
 */
final class AssetRoute implements Route {
    private static final String WEB = "/io/github/softmax4j/board/web/";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/%s/dist/";
    private static final Pattern APP_FILE = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.(js|css)");
    private static final List<String> VENDOR_FILES = List.of("uPlot.esm.js", "uPlot.min.css");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    // the page loads only its own scripts, styles and data; pictures may also be drawn data: URLs
    private static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final String uplotDir;

    AssetRoute() {
        uplotDir = UPLOT.formatted(uplotVersion());
    }

    @Override
    public void answer(Call call) throws IOException, HttpProblem {
        List<String> path = call.rest();
        String resource;
        if (path.isEmpty()) {
            resource = WEB + "index.html";
        } else if (path.size() == 2 && path.get(0).equals("app") && APP_FILE.matcher(path.get(1)).matches()) {
            resource = WEB + path.get(1);
        } else if (path.size() == 2 && path.get(0).equals("vendor") && VENDOR_FILES.contains(path.get(1))) {
            resource = uplotDir + path.get(1);
        } else {
            throw new HttpProblem(404, "No such page; open / for the board");
        }
        byte[] bytes;
        try (InputStream in = AssetRoute.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new HttpProblem(404, "No such page; open / for the board");
            }
            bytes = in.readAllBytes();
        }
        String type = TYPES.get(resource.substring(resource.lastIndexOf('.') + 1));
        call.exchange().getResponseHeaders().set("Content-Security-Policy", POLICY);
        call.exchange().getResponseHeaders().set("Referrer-Policy", "no-referrer");
        Http.send(call.exchange(), 200, type, bytes);
    }

    private static String uplotVersion() {
        try (InputStream in = AssetRoute.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the uPlot WebJar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
