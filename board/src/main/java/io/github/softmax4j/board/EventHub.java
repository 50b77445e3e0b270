package io.github.softmax4j.board;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands every event to each open event stream. The number of streams is capped, since each holds
 * a worker; a stream whose client reads too slowly to keep up is ended, and its page reconnects
 * and reads the runs afresh.
 */
final class EventHub {
    /** At most this many pages can watch at once. */
    static final int MAX_STREAMS = 8;
    private static final int BACKLOG = 1024;

    private final Set<BlockingQueue<Event>> streams = ConcurrentHashMap.newKeySet();

    /** A new stream's queue, or empty when {@link #MAX_STREAMS} are open. */
    synchronized Optional<BlockingQueue<Event>> open() {
        if (streams.size() >= MAX_STREAMS) {
            return Optional.empty();
        }
        BlockingQueue<Event> queue = new ArrayBlockingQueue<>(BACKLOG);
        streams.add(queue);
        return Optional.of(queue);
    }

    /** Forgets a stream. */
    void close(BlockingQueue<Event> queue) {
        streams.remove(queue);
    }

    /** Queues {@code event} for every stream. */
    void publish(Event event) {
        for (BlockingQueue<Event> queue : streams) {
            if (!queue.offer(event)) {
                end(queue);
            }
        }
    }

    /** Ends every stream. */
    void closeAll() {
        streams.forEach(this::end);
    }

    private void end(BlockingQueue<Event> queue) {
        streams.remove(queue);
        queue.clear();
        queue.offer(Event.END);
    }
}
