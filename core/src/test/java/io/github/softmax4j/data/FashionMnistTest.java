package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmax4j.data.IdxDataSet.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {
    @TempDir
    Path dir;

    private void linkRealFilesExcept(Part skipped) throws IOException {
        Path real = RealData.dir();
        for (Part part : Part.values()) {
            if (part != skipped) {
                Path source = FashionMnist.DATA_SET.find(part, real);
                Files.createSymbolicLink(dir.resolve(source.getFileName()), source);
            }
        }
    }

    @Test
    void loadsTheRealDataSet() {
        TrainTest data = RealData.load();
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertEquals(784, data.train().features());
        assertEquals("Ankle boot", FashionMnist.DATA_SET.classNames().get(data.train().label(0)));
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
        linkRealFilesExcept(Part.TRAIN_LABELS);
        Files.createSymbolicLink(dir.resolve("train-labels-idx1-ubyte.gz"),
                FashionMnist.DATA_SET.find(Part.TEST_LABELS, RealData.dir()));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz: holds the Fashion-MNIST test labels, "
                + "expected the training labels"), e.getMessage());
    }

    @Test
    void rejectsWellFormedFilesThatAreNotTheOfficialOnes() throws IOException {
        linkRealFilesExcept(Part.TEST_LABELS);
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
    void readsOnlyTheTestFilesWhenAskedForTheTestSet() throws IOException {
        Path real = RealData.dir();
        for (Part part : Part.values()) {
            Path source = FashionMnist.DATA_SET.find(part, real);
            if (part.isImages() && part != Part.TEST_IMAGES) {
                // a damaged training file is not even opened
                Files.write(dir.resolve(source.getFileName()), new byte[] {1, 2, 3});
            } else {
                Files.createSymbolicLink(dir.resolve(source.getFileName()), source);
            }
        }
        Dataset test = FashionMnist.DATA_SET.loadTest(dir);
        assertEquals(10_000, test.size());
        assertEquals(9, test.label(0));
        assertThrows(IdxFormatException.class, () -> FashionMnist.load(dir));
    }

    @Test
    void describesTheDataSetInOneValue() {
        assertEquals(28, FashionMnist.DATA_SET.height());
        assertEquals(784, FashionMnist.DATA_SET.features());
        assertEquals(10, FashionMnist.DATA_SET.classes());
        assertEquals("FASHION_MNIST_DIR", FashionMnist.DATA_SET.where().envVar());
        assertEquals("train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz "
                + "t10k-labels-idx1-ubyte.gz", FashionMnist.DATA_SET.expectedNames());
    }

    @Test
    void hasTheTenClassNamesInLabelOrder() {
        assertEquals(10, FashionMnist.DATA_SET.classNames().size());
        assertEquals("T-shirt/top", FashionMnist.DATA_SET.classNames().get(0));
        assertEquals("Sneaker", FashionMnist.DATA_SET.classNames().get(7));
    }
}
