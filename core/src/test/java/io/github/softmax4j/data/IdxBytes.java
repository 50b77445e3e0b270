package io.github.softmax4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/** Builds IDX files, well-formed or deliberately broken, for tests. */
public final class IdxBytes {
    private IdxBytes() {
    }

    /** An images file: magic 0x803, count, rows, cols, then the pixels. */
    public static byte[] images(int count, int rows, int cols, byte[] pixels) {
        return ByteBuffer.allocate(16 + pixels.length)
                .putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
    }

    /** {@code count} 28x28 images whose pixel j of image i is (i + j) mod 256. */
    public static byte[] images(int count) {
        byte[] pixels = new byte[count * 784];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i / 784 + i % 784);
        }
        return images(count, 28, 28, pixels);
    }

    /** A labels file: magic 0x801, count, then the labels. */
    public static byte[] labels(int... labels) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + labels.length).putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int label : labels) {
            buffer.put((byte) label);
        }
        return buffer.array();
    }

    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] truncate(byte[] bytes, int length) {
        return Arrays.copyOf(bytes, length);
    }

    public static byte[] append(byte[] bytes, byte... extra) {
        byte[] joined = Arrays.copyOf(bytes, bytes.length + extra.length);
        System.arraycopy(extra, 0, joined, bytes.length, extra.length);
        return joined;
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
