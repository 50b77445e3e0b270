package io.github.softmax4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    // truth 0 0 0 1 1 2, predicted 0 1 1 1 1 0
    private static final ConfusionMatrix MATRIX = ConfusionMatrix.of(new int[] {0, 0, 0, 1, 1, 2},
            new int[] {0, 1, 1, 1, 1, 0}, 3);

    @Test
    void rowsAreTheTrueClass() {
        assertEquals(1, MATRIX.count(0, 0));
        assertEquals(2, MATRIX.count(0, 1), "two of class 0 were taken for class 1");
        assertEquals(0, MATRIX.count(1, 0));
        assertEquals(1, MATRIX.count(2, 0));
    }

    @Test
    void rowTotalsSharesAndAccuracy() {
        assertEquals(3, MATRIX.rowTotal(0));
        assertEquals(2.0 / 3, MATRIX.rowShare(0, 1), 1e-12);
        assertEquals(6, MATRIX.total());
        assertEquals(3.0 / 6, MATRIX.accuracy(), 1e-12);
        assertEquals(0, ConfusionMatrix.of(new int[0], new int[0], 2).rowShare(1, 1));
    }

    @Test
    void toStringSaysTheOrientation() {
        assertEquals("rows: true class, columns: predicted class\n1 2 0\n0 2 0\n1 0 0\n", MATRIX.toString());
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[2], new int[3], 2));
    }
}
