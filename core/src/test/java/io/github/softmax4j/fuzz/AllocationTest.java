package io.github.softmax4j.fuzz;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The fuzz harness lets through only the exception a reader documents. */
class AllocationTest {
    @Test
    void anUndocumentedIOExceptionFailsTheFuzzTarget() {
        IOException undocumented = new EOFException("file ended early");
        assertSame(undocumented, assertThrows(IOException.class, () -> Allocation.check(1 << 20,
                NoSuchFileException.class, () -> {
                    throw undocumented;
                })));
        assertDoesNotThrow(() -> Allocation.check(1 << 20, NoSuchFileException.class, () -> {
            throw new NoSuchFileException("the documented refusal");
        }));
    }
}
