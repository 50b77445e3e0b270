package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvocationTest {
    private final String before = System.getProperty(Invocation.PROPERTY);

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Invocation.PROPERTY);
        } else {
            System.setProperty(Invocation.PROPERTY, before);
        }
    }

    @Test
    void theCommandIsTheOneTheLauncherWasRunAs() {
        System.setProperty(Invocation.PROPERTY, "./softmax4j");
        assertEquals("./softmax4j", Invocation.command());
    }

    @Test
    void theCommandsSuggestedForAMistakeAreTheOneTheLauncherWasRunAs() {
        System.setProperty(Invocation.PROPERTY, "./softmax4j");
        String unknown = CliRun.of("trian").err();
        assertTrue(unknown.contains("Did you mean: ./softmax4j train?"), unknown);
        assertTrue(unknown.contains("Run './softmax4j --help' for all options."), unknown);
        String help = CliRun.of("help", "trian").err();
        assertTrue(help.contains("Did you mean: ./softmax4j help train?"), help);
        String none = CliRun.of().err();
        assertTrue(none.contains("give a command, such as train; ./softmax4j --help lists them"), none);
        String option = CliRun.of("train", "--lr").err();
        assertTrue(option.contains("Run './softmax4j train --help' for all options."), option);
    }

    @Test
    void withoutTheLauncherItIsTheToolsName() {
        System.clearProperty(Invocation.PROPERTY);
        assertEquals("softmax4j", Invocation.command());
        System.setProperty(Invocation.PROPERTY, " ");
        assertEquals("softmax4j", Invocation.command());
    }
}
