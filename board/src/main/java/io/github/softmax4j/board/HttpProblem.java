package io.github.softmax4j.board;

/**
 * A request the board cannot answer: the HTTP status and one sentence for the person or script
 * that sent it, saying what to do. The router turns it into {@code {"error": "..."}}.
 */
final class HttpProblem extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProblem(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
