package io.github.softmax4j.board;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The board's one HTTP handler: checks who is asking, decodes and checks the path, finds the run
 * or sweep it names, and hands the request to the route for it. Every problem is answered as
 * {@code {"error": "..."}} with its status.
 *
 * <p>A path is percent-decoded once, then split; an empty, {@code .} or {@code ..} segment, a
 * backslash or a control character is refused, so no path can climb out of a folder. Runs and
 * sweeps are found by name among those the {@link RunIndex} read from the board's folder, never by
 * opening what the path says.
 */
final class Router implements HttpHandler {
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final RunIndex index;
    private final boolean loopbackOnly;
    private final Routes routes;

    /** The routes the router dispatches to, one per kind of request. */
    record Routes(Route runList, Route run, Route sweepList, Route sweep, Route picture, Route predict,
                  Route prepare, Route confusion, Route confusionCell, Route events, Route folder, Route assets) {
    }

    /** @param loopbackOnly answer only requests addressed to localhost (the board listens on loopback) */
    Router(RunIndex index, boolean loopbackOnly, Routes routes) {
        this.index = index;
        this.loopbackOnly = loopbackOnly;
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                checkCaller(exchange);
                dispatch(exchange, segments(exchange.getRequestURI()));
            } catch (HttpProblem problem) {
                Http.error(exchange, problem.status(), problem.getMessage());
            } catch (RuntimeException e) {
                Http.error(exchange, 500, "The board failed on this request (" + e + "); try again, and report it "
                        + "if it persists");
            }
        } catch (IOException e) {
            // the client went away; nothing to answer
        }
    }

    /**
     * Refuses requests addressed to another host name while listening on loopback (a web page
     * elsewhere could otherwise reach the board through DNS rebinding), and uploads sent by
     * another site's page.
     */
    private void checkCaller(HttpExchange exchange) throws HttpProblem {
        String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("");
        String name = host.replaceFirst(":[0-9]+$", "").toLowerCase(Locale.ROOT);
        String bound = exchange.getLocalAddress().getAddress().getHostAddress();
        boolean local = LOCAL_HOSTS.contains(name) || name.equals(bound) || name.equals("[" + bound + "]");
        if (loopbackOnly && !local) {
            throw new HttpProblem(403, "This board answers only at localhost addresses; open http://127.0.0.1:"
                    + exchange.getLocalAddress().getPort() + "/");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (!exchange.getRequestMethod().equals("GET") && origin != null && !origin.equals("http://" + host)) {
            throw new HttpProblem(403, "Requests from other sites' pages are refused; use the board's own page");
        }
    }

    private static List<String> segments(URI uri) throws HttpProblem {
        String raw = uri.getRawPath();
        String path;
        try {
            path = URLDecoder.decode(raw == null ? "" : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "The path is not correctly percent-encoded; encode it and try again");
        }
        if (!path.startsWith("/")) {
            throw new HttpProblem(400, "The path must start with /; open / for the board");
        }
        List<String> segments = Arrays.asList(path.substring(1).split("/", -1));
        if (segments.size() == 1 && segments.get(0).isEmpty()) {
            return List.of();
        }
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")
                    || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new HttpProblem(400, "The path holds an empty, . or .. segment or a control character; "
                        + "the board serves only its own pages and the runs in its folder");
            }
        }
        return segments;
    }

    private void dispatch(HttpExchange exchange, List<String> path) throws IOException, HttpProblem {
        if (path.isEmpty() || !path.get(0).equals("api")) {
            call(exchange, "GET", routes.assets(), new Call(exchange, null, null, path));
            return;
        }
        List<String> api = path.subList(1, path.size());
        String first = api.isEmpty() ? "" : api.get(0);
        List<String> rest = api.isEmpty() ? List.of() : api.subList(1, api.size());
        if (first.equals("runs")) {
            runs(exchange, rest);
        } else if (first.equals("sweeps")) {
            sweeps(exchange, rest);
        } else if (first.equals("folder") && rest.isEmpty()) {
            call(exchange, "GET", routes.folder(), new Call(exchange, null, null, rest));
        } else if (first.equals("events") && rest.isEmpty()) {
            call(exchange, "GET", routes.events(), new Call(exchange, null, null, rest));
        } else if (first.equals("prepare") && rest.isEmpty()) {
            call(exchange, "POST", routes.prepare(), new Call(exchange, null, null, rest));
        } else {
            throw new HttpProblem(404, "No such API route; the README's API section lists them");
        }
    }

    private void runs(HttpExchange exchange, List<String> path) throws IOException, HttpProblem {
        if (path.isEmpty()) {
            call(exchange, "GET", routes.runList(), new Call(exchange, null, null, List.of()));
            return;
        }
        int length = longestName(path, name -> index.runs().get(name), index::refresh);
        Run found = index.runs().get(String.join("/", path.subList(0, length)));
        if (found == null) {
            throw gone(path);
        }
        List<String> rest = path.subList(length, path.size());
        Call call = new Call(exchange, found, null, rest);
        String tail = String.join("/", rest);
        if (rest.isEmpty()) {
            call(exchange, "GET", routes.run(), call);
        } else if (tail.equals("predict")) {
            call(exchange, "POST", routes.predict(), call);
        } else if (tail.equals("confusion")) {
            call(exchange, "GET", routes.confusion(), call);
        } else if (rest.size() == 3 && rest.get(0).equals("confusion")) {
            call(exchange, "GET", routes.confusionCell(), call);
        } else if (rest.size() == 2 && rest.get(0).equals("files")) {
            call(exchange, "GET", routes.picture(), call);
        } else {
            throw new HttpProblem(404, "No such route under run " + found.name() + "; the README's API section "
                    + "lists them");
        }
    }

    private void sweeps(HttpExchange exchange, List<String> path) throws IOException, HttpProblem {
        if (path.isEmpty()) {
            call(exchange, "GET", routes.sweepList(), new Call(exchange, null, null, List.of()));
            return;
        }
        int length = longestName(path, name -> index.sweeps().get(name), index::refresh);
        Sweep found = index.sweeps().get(String.join("/", path.subList(0, length)));
        if (found == null) {
            throw gone(path);
        }
        List<String> rest = path.subList(length, path.size());
        Call call = new Call(exchange, null, found, rest);
        if (rest.isEmpty()) {
            call(exchange, "GET", routes.sweep(), call);
        } else if (rest.size() == 2 && rest.get(0).equals("files")) {
            call(exchange, "GET", routes.picture(), call);
        } else {
            throw new HttpProblem(404, "No such route under sweep " + found.name() + "; the README's API section "
                    + "lists them");
        }
    }

    /**
     * How many leading segments of {@code path} name a known run or sweep: the longest that does,
     * so that a run nested in a sweep wins over the sweep. The folder is read again once if none
     * does; a name still unknown is a 404.
     */
    private static int longestName(List<String> path, Function<String, Object> known, Runnable reread)
            throws HttpProblem {
        for (int attempt = 0; attempt < 2; attempt++) {
            for (int length = path.size(); length > 0; length--) {
                if (known.apply(String.join("/", path.subList(0, length))) != null) {
                    return length;
                }
            }
            reread.run();
        }
        throw gone(path);
    }

    private static HttpProblem gone(List<String> path) {
        return new HttpProblem(404, "Nothing called " + String.join("/", path) + " in the board's folder; "
                + "GET /api/runs and /api/sweeps list what there is");
    }

    private static void call(HttpExchange exchange, String method, Route route, Call call)
            throws IOException, HttpProblem {
        if (!exchange.getRequestMethod().equals(method)) {
            exchange.getResponseHeaders().set("Allow", method);
            throw new HttpProblem(405, "Use " + method + " for " + exchange.getRequestURI().getPath());
        }
        route.answer(call);
    }
}
