package io.github.softmax4j.data;

import io.github.softmax4j.data.IdxDataSet.Part;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Fashion-MNIST: 60,000 training and 10,000 test images of 28x28 uint8 pixels in 10 classes,
 * described in one value, {@link #DATA_SET}.
 */
public final class FashionMnist {
    /**
     * The data set: class names in label order (d2l: get_fashion_mnist_labels); the SHA-256 of
     * each decompressed file; the MD5 of the original MNIST digits' .gz file of the same name, to
     * recognise them; the variable FASHION_MNIST_DIR, the cache folder, the Debian package and
     * the official mirror.
     */
    public static final IdxDataSet DATA_SET = new IdxDataSet("Fashion-MNIST",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            28, 28,
            Map.of(Part.TRAIN_IMAGES, new IdxFile("train-images-idx3-ubyte",
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                            "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
                    Part.TRAIN_LABELS, new IdxFile("train-labels-idx1-ubyte",
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                            "d53e105ee54ea40749a09fcbcd1e9432"),
                    Part.TEST_IMAGES, new IdxFile("t10k-images-idx3-ubyte",
                            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                            "9fb629c4189551a2d022fa330f9573f3"),
                    Part.TEST_LABELS, new IdxFile("t10k-labels-idx1-ubyte",
                            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
                            "ec29112dd5afa0611ce80d1b7f02629c")),
            "the original MNIST handwritten digits",
            new IdxDataSet.Where("FASHION_MNIST_DIR", "fashion-mnist", "dataset-fashion-mnist",
                    Path.of("/usr/share/datasets/fashion-mnist"),
                    URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")));

    private FashionMnist() {
    }

    /**
     * Finds the four files where {@code softmax4j train} looks ({@code FASHION_MNIST_DIR}, the user
     * cache, the package's folder), reads and verifies them (d2l: load_data_fashion_mnist). Does
     * not download; a {@link FileNotFoundException} says how to get the files.
     */
    public static TrainTest load() throws IOException {
        DataSource source = DataLocator.standard(DATA_SET).find(null).orElseThrow(() -> new FileNotFoundException(
                "Fashion-MNIST not found in $FASHION_MNIST_DIR, the user cache or " + DATA_SET.where().packageDir()
                        + "; install the package " + DATA_SET.where().packageName() + ", or set FASHION_MNIST_DIR to "
                        + "a folder holding " + DATA_SET.expectedNames()));
        return DATA_SET.load(source.dir());
    }

    /** Reads and verifies the four files in {@code dir}: {@code DATA_SET.load(dir)}. */
    public static TrainTest load(Path dir) throws IOException {
        return DATA_SET.load(dir);
    }
}
