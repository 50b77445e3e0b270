package io.github.softmax4j.board;

/**
 * One server-sent event: its type ({@code run}, {@code epoch}, {@code removed} or {@code sweep})
 * and its data, already JSON on one line.
 */
record Event(String type, String data) {
    /** Tells a stream to end (the board stops, or the client fell too far behind). */
    static final Event END = new Event("end", "{}");

    /** The event as it goes on the wire. */
    String wire() {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }
}
