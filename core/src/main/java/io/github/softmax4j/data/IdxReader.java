package io.github.softmax4j.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files of uint8 images of a given height and width and of uint8 class labels, gzip-compressed or raw (told
 * apart by the gzip magic bytes, not the file name). Distrusts the file: checks the magic number,
 * element type, dimensions, exact payload length and label range, and never allocates more than
 * the file can actually hold, whatever size its header declares.
 */
public final class IdxReader {
    /** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    private static final int UNSIGNED_BYTE = 0x08;
    // the gzip trailer's size is believed for the first allocation only up to this many times the
    // file's size (Fashion-MNIST inflates 1.8 times); beyond it the buffer grows as bytes arrive
    private static final long TRUSTED_RATIO = 64;
    private static final int GZIP_BUFFER = 1 << 16;
    // the payload goes to the hashing thread in parts of at least this many bytes
    private static final int DIGEST_PART = 1 << 20;

    private IdxReader() {
    }

    /** Reads an images file of {@code height} x {@code width} images; returns count * height * width row-major pixels. */
    public static byte[] readImages(Path path, int height, int width) throws IOException {
        return readImages(path, height, width, null);
    }

    /**
     * As {@link #readImages(Path, int, int)}, feeding every decompressed byte (header included) to
     * {@code digest} when it is not null, so that the caller can verify a checksum in the same pass.
     * The payload is hashed on a second thread while it is still being inflated; the digest is
     * complete when this method returns.
     */
    public static byte[] readImages(Path path, int height, int width, MessageDigest digest) throws IOException {
        try (Source source = Source.open(path, digest)) {
            int count = source.readHeader(IMAGES_MAGIC, 3, "images");
            int rows = source.readDimension("rows");
            int cols = source.readDimension("columns");
            if (rows != height || cols != width) {
                throw new IdxFormatException(path, "images are " + rows + "x" + cols
                        + " pixels, expected " + height + "x" + width);
            }
            return source.readPayload((long) count * height * width, 16);
        }
    }

    /** Reads a labels file whose labels must lie in 0..classCount-1. */
    public static int[] readLabels(Path path, int classCount) throws IOException {
        return readLabels(path, classCount, null);
    }

    /** As {@link #readLabels(Path, int)}, feeding every decompressed byte to {@code digest} if not null. */
    public static int[] readLabels(Path path, int classCount, MessageDigest digest) throws IOException {
        try (Source source = Source.open(path, digest)) {
            int count = source.readHeader(LABELS_MAGIC, 1, "labels");
            byte[] raw = source.readPayload(count, 8);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
                if (labels[i] >= classCount) {
                    throw new IdxFormatException(path, "label " + labels[i] + " at index " + i
                            + " is out of range 0.." + (classCount - 1));
                }
            }
            return labels;
        }
    }

    /**
     * Reads an images file and its labels file into a {@link Dataset}, checking that they hold
     * the same number of examples. Verifies no checksum: for any IDX data of this shape.
     */
    public static Dataset readDataset(Path images, Path labels, int height, int width, int classCount)
            throws IOException {
        return pair(images, readImages(images, height, width), labels, readLabels(labels, classCount), height * width);
    }

    /** A dataset of pixels and labels read from the two files, if their counts agree. */
    static Dataset pair(Path images, byte[] pixels, Path labels, int[] labelValues, int features)
            throws IdxFormatException {
        if (pixels.length != (long) labelValues.length * features) {
            throw new IdxFormatException(images, "holds " + pixels.length / features + " images but "
                    + labels + " holds " + labelValues.length + " labels; they must match");
        }
        return Dataset.wrap(pixels, labelValues, features);
    }

    /** One open IDX file: the decompressed stream and what the file itself says about its size. */
    private static final class Source implements AutoCloseable {
        private final Path path;
        private final DataInputStream in;
        private final DigestInputStream digesting;
        private final boolean gzip;
        private final long contentBound;

        private Source(Path path, InputStream in, DigestInputStream digesting, boolean gzip, long contentBound) {
            this.path = path;
            this.in = new DataInputStream(in);
            this.digesting = digesting;
            this.gzip = gzip;
            this.contentBound = contentBound;
        }

        static Source open(Path path, MessageDigest digest) throws IOException {
            long fileSize;
            long gzipSizeField;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                fileSize = channel.size();
                gzipSizeField = fileSize >= 18 ? readTrailerSize(channel, fileSize) : -1;
            } catch (NoSuchFileException e) {
                throw new IdxFormatException(path, "file not found");
            }
            if (fileSize == 0) {
                throw new IdxFormatException(path, "file is empty; delete it and fetch it again");
            }
            InputStream file = new BufferedInputStream(Files.newInputStream(path), GZIP_BUFFER);
            boolean gzip = startsWithGzipMagic(file);
            long bound = fileSize;
            InputStream content = file;
            if (gzip) {
                // the gzip trailer states the decompressed size modulo 2^32, but anyone can write it:
                // it sizes the first buffer only within a plausible ratio
                bound = Math.min(fileSize * TRUSTED_RATIO, gzipSizeField < 0 ? Long.MAX_VALUE : gzipSizeField);
                try {
                    content = new GZIPInputStream(file, GZIP_BUFFER);
                } catch (ZipException | EOFException e) {
                    file.close();
                    throw corruptGzip(path, e);
                }
            }
            DigestInputStream digesting = digest == null ? null : new DigestInputStream(content, digest);
            return new Source(path, digesting == null ? content : digesting, digesting, gzip, bound);
        }

        private static long readTrailerSize(FileChannel channel, long fileSize) throws IOException {
            ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(trailer, fileSize - 4);
            return trailer.flip().remaining() == 4 ? Integer.toUnsignedLong(trailer.getInt()) : -1;
        }

        private static boolean startsWithGzipMagic(InputStream in) throws IOException {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            return b0 == 0x1f && b1 == 0x8b;
        }

        /** Reads and checks the magic number and the item count; returns the count. */
        int readHeader(int expectedMagic, int dimensions, String kind) throws IOException {
            int magic = readInt("magic number");
            if (magic != expectedMagic) {
                throw new IdxFormatException(path, describeMagic(magic, expectedMagic, kind));
            }
            return readDimension("count of " + kind);
        }

        int readDimension(String what) throws IOException {
            int value = readInt(what);
            if (value <= 0) {
                throw new IdxFormatException(path, what + " is " + Integer.toUnsignedString(value)
                        + " in the header; it must be a positive number");
            }
            return value;
        }

        private int readInt(String what) throws IOException {
            try {
                return in.readInt();
            } catch (EOFException e) {
                // DataInputStream's own end-of-data has no message; the inflater's names the damage
                throw e.getMessage() != null ? corruptGzip(path, e)
                        : new IdxFormatException(path, "file ends inside the header (reading the " + what + ")");
            } catch (ZipException e) {
                throw corruptGzip(path, e);
            }
        }

        /**
         * Reads exactly {@code length} payload bytes and checks that nothing follows. The buffer
         * starts at what the file can hold and grows only as bytes really arrive.
         */
        byte[] readPayload(long length, int headerBytes) throws IOException {
            long available = contentBound - headerBytes;
            if (!gzip && length != available) {
                throw new IdxFormatException(path, "header declares " + length + " payload bytes but the file holds "
                        + Math.max(available, 0)
                        + (length > available ? "; the file is truncated" : "; remove the trailing bytes"));
            }
            if (length > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(path, "header declares " + length + " payload bytes, more than a "
                        + "Java array can hold; the file is damaged");
            }
            byte[] buffer = new byte[(int) Math.max(0, Math.min(length, available))];
            int filled = 0;
            // the header went through the digest on this thread; the payload goes in parts to another
            BackgroundDigest hashing = digesting == null ? null : new BackgroundDigest(digesting.getMessageDigest());
            if (digesting != null) {
                digesting.on(false);
            }
            int hashed = 0;
            try {
                while (filled < length) {
                    if (filled == buffer.length) {
                        long grown = Math.min(length, Math.max(2L * buffer.length, GZIP_BUFFER));
                        buffer = Arrays.copyOf(buffer, (int) grown);
                    }
                    int read = in.read(buffer, filled, buffer.length - filled);
                    if (read < 0) {
                        throw new IdxFormatException(path, "file is truncated: header declares " + length
                                + " payload bytes, found " + filled + "; delete it and fetch it again");
                    }
                    filled += read;
                    if (hashing != null && (filled - hashed >= DIGEST_PART || filled == length)) {
                        hashing.update(buffer, hashed, filled - hashed);
                        hashed = filled;
                    }
                }
                if (in.read() >= 0) {
                    throw new IdxFormatException(path, "unexpected bytes after the " + length
                            + " payload bytes the header declares");
                }
            } catch (ZipException | EOFException e) {
                throw corruptGzip(path, e);
            } finally {
                if (hashing != null) {
                    hashing.finish();
                }
            }
            return buffer;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static IdxFormatException corruptGzip(Path path, IOException cause) {
        IdxFormatException e = new IdxFormatException(path, "corrupt or truncated gzip data ("
                + cause.getMessage() + "); delete the file and fetch it again");
        e.initCause(cause);
        return e;
    }

    private static String describeMagic(int magic, int expected, String kind) {
        String found = String.format("0x%08X", magic);
        if (magic == IMAGES_MAGIC || magic == LABELS_MAGIC) {
            String other = magic == IMAGES_MAGIC ? "images" : "labels";
            return "is an IDX " + other + " file, expected " + kind + "; check which file is which";
        }
        if ((magic >>> 16) == 0 && ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE) {
            return String.format("element type is 0x%02X, expected 0x%02X (unsigned byte) for %s",
                    (magic >>> 8) & 0xFF, UNSIGNED_BYTE, kind);
        }
        if ((magic >>> 16) == 0 && ((magic >>> 8) & 0xFF) == UNSIGNED_BYTE) {
            return "has " + (magic & 0xFF) + " dimensions, expected " + (expected & 0xFF) + " for " + kind;
        }
        return "not an IDX file: magic number " + found + ", expected " + String.format("0x%08X", expected)
                + " for " + kind;
    }
}
