package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's example of the board's events is what the board sends for the command shown above it. */
class ReadmeBoardExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String boardSection() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        return readme.substring(readme.indexOf("## The board:"), readme.indexOf("## Options of `train`"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theEventsExampleIsTheRunOfTheCommandShownAboveIt() throws IOException {
        String section = boardSection();
        Matcher command = Pattern.compile("\\./softmax4j train --epochs (\\d+) --out runs/long ").matcher(section);
        assertTrue(command.find(), section);
        String epochs = command.group(1);
        assertTrue(section.contains("# while ./softmax4j train --epochs " + epochs + " --out runs/long runs"), section);
        Matcher config = Pattern.compile("\"config\":\\{([^}]*)}").matcher(section);
        assertTrue(config.find(), section);
        assertTrue(config.group(1).contains("\"epochs\":" + epochs + ","), config.group());

        JsonNode metrics = JSON.readTree(TrainedModel.runDir().resolve("metrics.json").toFile());
        List<String> configKeys = fieldNames(metrics.get("config"));
        List<String> shownKeys = Pattern.compile("\"([a-z_]+)\":").matcher(config.group(1)).results()
                .map(key -> key.group(1)).toList();
        assertEquals(configKeys.subList(0, shownKeys.size()), shownKeys, "the example's settings, in metrics.json's order");
        Matcher epoch = Pattern.compile("data: (\\{\"run\":\"long\",\"epoch\":\\{[^}]*}})").matcher(section);
        assertTrue(epoch.find(), section);
        assertEquals(fieldNames(metrics.get("epochs").get(0)), fieldNames(JSON.readTree(epoch.group(1)).get("epoch")),
                "an epoch event carries an epoch as metrics.json holds it");
    }
}
