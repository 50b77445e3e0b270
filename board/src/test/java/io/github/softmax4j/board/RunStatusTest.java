package io.github.softmax4j.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunStatusTest {
    private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
    private static final long LIVING_PID = 100;

    private static String status(String json, boolean hasModel, int secondsSinceWritten) throws IOException {
        JsonNode metrics = new ObjectMapper().readTree(json);
        return RunStatus.of(metrics, hasModel, NOW.minus(Duration.ofSeconds(secondsSinceWritten)), NOW,
                pid -> pid.isEmpty() || pid.getAsLong() == LIVING_PID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"status\": \"finished\"}|false|9999|finished",
        "{\"status\": \"diverged\"}|true|0|diverged",
        "{\"status\": \"interrupted\"}|false|0|interrupted",
        "{\"status\": \"running\", \"pid\": 100}|false|9999|running",
        "{\"status\": \"running\", \"pid\": 101}|false|0|interrupted",
        "{\"status\": \"running\"}|false|9999|running",
        "{}|true|0|finished",
        "{}|false|59|running",
        "{}|false|61|interrupted",
        "{\"status\": \"sleeping\"}|false|300|interrupted",
    })
    void readsTheStatusOrInfersItForOlderRuns(String json, boolean hasModel, int seconds, String expected)
            throws IOException {
        assertEquals(expected, status(json, hasModel, seconds));
    }
}
