package io.github.softmax4j.board;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/events}: a server-sent event stream. It opens with a {@code run} event for every
 * run and a {@code sweep} event for every sweep as last read, so a client that connects mid-run has
 * the settings and epochs so far before any change; then {@code run} carries a run that appeared or
 * changed (status, settings, model, pictures), {@code epoch} a run's name and one new epoch,
 * {@code removed} the name of a run whose folder is gone, {@code sweep} a sweep that changed. A
 * comment every {@link #KEEP_ALIVE_SECONDS} seconds finds clients that went away.
 */
final class EventsRoute implements Route {
    static final int KEEP_ALIVE_SECONDS = 5;

    private final EventHub hub;
    private final RunIndex index;

    EventsRoute(EventHub hub, RunIndex index) {
        this.hub = hub;
        this.index = index;
    }

    @Override
    public void answer(Call call) throws IOException, HttpProblem {
        BlockingQueue<Event> queue = hub.open().orElseThrow(() -> new HttpProblem(503, "Already "
                + EventHub.MAX_STREAMS + " pages are watching this board; close one and reload"));
        try {
            call.exchange().getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            call.exchange().getResponseHeaders().set("Cache-Control", "no-store");
            call.exchange().sendResponseHeaders(200, 0);
            try (OutputStream out = call.exchange().getResponseBody()) {
                // a page that loses the stream tries again after a second
                write(out, "retry: 1000\n\n");
                // read after the queue opened: a change in between comes again after this, and the
                // page takes a run twice or an epoch it holds already as no change
                for (Run run : index.runs().values()) {
                    write(out, new Event("run", Http.JSON.writeValueAsString(run)).wire());
                }
                for (Sweep sweep : index.sweeps().values()) {
                    write(out, new Event("sweep", Http.JSON.writeValueAsString(sweep)).wire());
                }
                write(out, new Event("folder", Http.JSON.writeValueAsString(index.folder())).wire());
                while (true) {
                    Event event = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                    if (event == Event.END) {
                        return;
                    }
                    write(out, event == null ? ": keep-alive\n\n" : event.wire());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.close(queue);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
