package io.github.softmax4j.board;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;

/**
 * A request resolved by the {@link Router}: the exchange, the run or sweep the path names (null
 * when it names none), and the decoded path segments after that name.
 */
record Call(HttpExchange exchange, Run run, Sweep sweep, List<String> rest) {
    Call {
        rest = List.copyOf(rest);
    }
}
