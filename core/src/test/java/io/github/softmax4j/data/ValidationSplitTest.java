package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
    // 1000 one-pixel images whose pixel is their index mod 256 and whose label is uneven:
    // class 0 has 500 images, class 1 300, class 2 200
    private static Dataset data() {
        byte[] pixels = new byte[2000];
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) {
            labels[i] = i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2;
            pixels[2 * i] = (byte) i;
            pixels[2 * i + 1] = (byte) (i >> 8);
        }
        return new Dataset(pixels, labels, 2);
    }

    private static int id(Dataset data, int i) {
        return data.pixel(i, 0) | data.pixel(i, 1) << 8;
    }

    @Test
    void heldOutImagesAreDisjointFromTheTrainingImagesAndCoverThemAll() {
        ValidationSplit split = ValidationSplit.of(data(), 100, 7);
        assertEquals(100, split.validation().size());
        assertEquals(900, split.train().size());
        Set<Integer> seen = new HashSet<>();
        for (Dataset part : new Dataset[] {split.train(), split.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                assertTrue(seen.add(id(part, i)), "image " + id(part, i) + " is in both parts");
            }
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void eachClassIsHeldOutInProportion() {
        ValidationSplit split = ValidationSplit.of(data(), 100, 7);
        int[] counts = new int[3];
        for (int i = 0; i < split.validation().size(); i++) {
            counts[split.validation().label(i)]++;
        }
        assertArrayEquals(new int[] {50, 30, 20}, counts);
        // 7 of 10: 3.5, 2.1, 1.4 -> 3, 2, 1 and the largest remainder (class 0) gets the last one
        int[] small = new int[3];
        ValidationSplit seven = ValidationSplit.of(data(), 7, 7);
        for (int i = 0; i < 7; i++) {
            small[seven.validation().label(i)]++;
        }
        assertArrayEquals(new int[] {4, 2, 1}, small);
    }

    @Test
    void theSameSeedHoldsOutTheSameImagesAndAnotherSeedOthers() {
        ValidationSplit a = ValidationSplit.of(data(), 100, 7);
        ValidationSplit b = ValidationSplit.of(data(), 100, 7);
        ValidationSplit c = ValidationSplit.of(data(), 100, 8);
        boolean differs = false;
        for (int i = 0; i < 100; i++) {
            assertEquals(id(a.validation(), i), id(b.validation(), i));
            differs |= id(a.validation(), i) != id(c.validation(), i);
        }
        assertTrue(differs, "seed 8 held out the same images as seed 7");
    }

    @Test
    void partsKeepTheOriginalOrder() {
        ValidationSplit split = ValidationSplit.of(data(), 100, 3);
        for (Dataset part : new Dataset[] {split.train(), split.validation()}) {
            for (int i = 1; i < part.size(); i++) {
                assertTrue(id(part, i - 1) < id(part, i));
            }
        }
    }

    @Test
    void rejectsHoldingOutNothingOrEverything() {
        assertThrows(IllegalArgumentException.class, () -> ValidationSplit.of(data(), 0, 1));
        String message = assertThrows(IllegalArgumentException.class, () -> ValidationSplit.of(data(), 1000, 1))
                .getMessage();
        assertTrue(message.contains("between 1 and 999"), message);
        assertFalse(message.isEmpty());
    }
}
