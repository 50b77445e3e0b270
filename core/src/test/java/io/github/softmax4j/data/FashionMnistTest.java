package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    @TempDir
    Path dir;

    private void linkRealFilesExcept(FashionMnist.Part skipped) throws IOException {
        Path real = RealData.dir();
        for (FashionMnist.Part part : FashionMnist.Part.values()) {
            if (part != skipped) {
                Path source = part.find(real);
                Files.createSymbolicLink(dir.resolve(source.getFileName()), source);
            }
        }
    }

    @Test
    void loadsTheRealDataSet() {
        FashionMnist data = RealData.load();
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertEquals(784, data.train().features());
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(data.train().label(0)));
        int[] perClass = new int[10];
        for (int label : data.test().labels()) {
            perClass[label]++;
        }
        for (int count : perClass) {
            assertEquals(1000, count);
        }
    }

    @Test
    void namesASwappedFile() throws IOException {
        linkRealFilesExcept(FashionMnist.Part.TRAIN_LABELS);
        Files.createSymbolicLink(dir.resolve("train-labels-idx1-ubyte.gz"),
                FashionMnist.Part.TEST_LABELS.find(RealData.dir()));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz: holds the Fashion-MNIST test labels, "
                + "expected the training labels"), e.getMessage());
    }

    @Test
    void rejectsWellFormedFilesThatAreNotTheOfficialOnes() throws IOException {
        linkRealFilesExcept(FashionMnist.Part.TEST_LABELS);
        IdxBytes.write(dir, "t10k-labels-idx1-ubyte", IdxBytes.labels(new int[10_000]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains("is not the official Fashion-MNIST test labels"), e.getMessage());
    }

    @Test
    void namesTheMissingFile() {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz: file not found"), e.getMessage());
    }

    @Test
    void hasTheTenClassNamesInLabelOrder() {
        assertEquals(10, FashionMnist.CLASS_NAMES.size());
        assertEquals("T-shirt/top", FashionMnist.CLASS_NAMES.get(0));
        assertEquals("Sneaker", FashionMnist.CLASS_NAMES.get(7));
    }
}
