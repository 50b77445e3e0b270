package io.github.softmax4j.data;

import static io.github.softmax4j.data.IdxBytes.append;
import static io.github.softmax4j.data.IdxBytes.gzip;
import static io.github.softmax4j.data.IdxBytes.images;
import static io.github.softmax4j.data.IdxBytes.labels;
import static io.github.softmax4j.data.IdxBytes.truncate;
import static io.github.softmax4j.data.IdxBytes.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    private String imagesError(byte[] bytes) {
        Path path = write(dir, "images", bytes);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(path, 28, 28));
        assertTrue(e.getMessage().startsWith(path.toString()), e.getMessage());
        return e.getMessage();
    }

    private String labelsError(byte[] bytes) {
        Path path = write(dir, "labels", bytes);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readLabels(path, 10));
        assertTrue(e.getMessage().startsWith(path.toString()), e.getMessage());
        return e.getMessage();
    }

    private static void assertMentions(String message, String expected) {
        assertTrue(message.contains(expected), () -> "'" + message + "' should mention '" + expected + "'");
    }

    @Test
    void readsRawImages() throws Exception {
        byte[] file = images(3);
        byte[] pixels = IdxReader.readImages(write(dir, "images", file), 28, 28);
        assertArrayEquals(Arrays.copyOfRange(file, 16, file.length), pixels);
    }

    @Test
    void readsGzipImagesWhateverTheirName() throws Exception {
        byte[] file = images(5);
        byte[] pixels = IdxReader.readImages(write(dir, "images-without-suffix", gzip(file)), 28, 28);
        assertArrayEquals(Arrays.copyOfRange(file, 16, file.length), pixels);
    }

    @Test
    void readsLabelsRawAndGzip() throws Exception {
        assertArrayEquals(new int[] {0, 9, 3}, IdxReader.readLabels(write(dir, "a", labels(0, 9, 3)), 10));
        assertArrayEquals(new int[] {7, 1}, IdxReader.readLabels(write(dir, "b.gz", gzip(labels(7, 1))), 10));
    }

    @Test
    void digestSeesTheDecompressedBytes() throws Exception {
        byte[] file = images(2);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        IdxReader.readImages(write(dir, "images.gz", gzip(file)), 28, 28, digest);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(file), digest.digest());
    }

    @Test
    void digestSeesEveryPartOfAPayloadHashedWhileItInflates() throws Exception {
        // 3 MB of pixels, in parts of about a megabyte and a last shorter one: random pixels, which
        // inflate a little at a time, and mostly zeros, whose file is so much smaller than its
        // contents that the reader's buffer grows while earlier parts are being hashed
        byte[] random = new byte[4000 * 784];
        new Random(11).nextBytes(random);
        byte[] sparse = new byte[4000 * 784];
        for (int i = 0; i < sparse.length; i += 997) {
            sparse[i] = (byte) (i * 31);
        }
        for (byte[] pixels : new byte[][] {random, sparse}) {
            byte[] file = images(4000, 28, 28, pixels);
            for (byte[] stored : new byte[][] {file, gzip(file)}) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] read = IdxReader.readImages(write(dir, "large-" + stored.length, stored), 28, 28, digest);
                assertArrayEquals(pixels, read);
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(file), digest.digest());
            }
        }
    }

    @Test
    void rejectsEmptyFile() {
        assertMentions(imagesError(new byte[0]), "empty");
    }

    @Test
    void rejectsMissingFile() {
        Path path = dir.resolve("nothing-here");
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(path, 28, 28));
        assertMentions(e.getMessage(), "not found");
    }

    @Test
    void rejectsWrongMagic() {
        byte[] file = images(1);
        file[0] = 0x12;
        assertMentions(imagesError(file), "not an IDX file");
    }

    @Test
    void rejectsTextThatIsNotIdxAtAll() {
        assertMentions(imagesError("<html>not found</html>".getBytes()), "not an IDX file");
    }

    @Test
    void rejectsWrongElementType() {
        byte[] file = images(1);
        file[2] = 0x0D;
        assertMentions(imagesError(file), "element type is 0x0D");
    }

    @Test
    void rejectsLabelsFileGivenAsImages() {
        assertMentions(imagesError(labels(1, 2, 3)), "is an IDX labels file, expected images");
    }

    @Test
    void rejectsImagesFileGivenAsLabels() {
        assertMentions(labelsError(images(1)), "is an IDX images file, expected labels");
    }

    @Test
    void rejectsZeroCount() {
        assertMentions(imagesError(images(0, 28, 28, new byte[0])), "count of images is 0");
    }

    @Test
    void rejectsNegativeLookingDimension() {
        assertMentions(imagesError(images(1, -28, 28, new byte[784])), "rows is 4294967268");
    }

    @Test
    void rejectsImagesThatAreNot28By28() {
        assertMentions(imagesError(images(1, 32, 32, new byte[1024])), "32x32 pixels, expected 28x28");
    }

    @Test
    void rejectsTruncatedPayload() {
        assertMentions(imagesError(truncate(images(2), 16 + 784 + 100)), "truncated");
    }

    @Test
    void rejectsTruncatedHeader() {
        assertMentions(imagesError(truncate(images(1), 10)), "ends inside the header");
    }

    @Test
    void rejectsTrailingBytes() {
        assertMentions(imagesError(append(images(1), (byte) 1)), "remove the trailing bytes");
        assertMentions(labelsError(gzip(append(labels(1, 2), (byte) 3))), "unexpected bytes after the 2 payload bytes");
    }

    @Test
    void rejectsHugeDeclaredCountWithoutAllocatingIt() {
        // a 16-byte header that declares 2^31-1 images: nearly 1.7 TB, which must never be allocated
        byte[] header = ByteBuffer.allocate(16).putInt(IdxReader.IMAGES_MAGIC).putInt(Integer.MAX_VALUE)
                .putInt(28).putInt(28).array();
        assertMentions(imagesError(header), "truncated");
        assertMentions(imagesError(gzip(header)), "payload bytes");
    }

    @Test
    void rejectsTruncatedGzip() {
        byte[] gz = gzip(images(20));
        assertMentions(imagesError(truncate(gz, gz.length / 2)), "corrupt or truncated gzip data");
    }

    @Test
    void rejectsCorruptGzip() {
        byte[] gz = gzip(images(20));
        for (int i = 20; i < 60; i++) {
            gz[i] ^= 0x5A;
        }
        assertMentions(imagesError(gz), "gzip");
    }

    @Test
    void rejectsLabelOutOfRange() {
        assertMentions(labelsError(labels(3, 10, 1)), "label 10 at index 1 is out of range 0..9");
    }

    @Test
    void acceptsEveryLabelInRange() throws Exception {
        int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(10, IdxReader.readLabels(write(dir, "labels", labels(all)), 10).length);
    }

    @Test
    void readsAMatchingPairIntoADataset() throws Exception {
        Dataset data = IdxReader.readDataset(write(dir, "i.gz", gzip(images(3))), write(dir, "l", labels(4, 5, 6)),
                28, 28, 10);
        assertEquals(3, data.size());
        assertEquals(5, data.label(1));
        assertEquals(1, data.pixel(0, 1));
    }

    @Test
    void rejectsImageAndLabelCountsThatDiffer() {
        Path images = write(dir, "i", images(3));
        Path labels = write(dir, "l", labels(1, 2));
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> IdxReader.readDataset(images, labels, 28, 28, 10));
        assertMentions(e.getMessage(), "holds 3 images but " + labels + " holds 2 labels");
    }
}
