package io.github.softmax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void withoutTheLauncherItIsTheToolsName() {
        System.clearProperty(Invocation.PROPERTY);
        assertEquals("softmax4j", Invocation.command());
        System.setProperty(Invocation.PROPERTY, " ");
        assertEquals("softmax4j", Invocation.command());
    }
}
