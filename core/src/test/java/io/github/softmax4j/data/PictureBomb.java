package io.github.softmax4j.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Hostile pictures for tests: a valid PNG header claiming {@code width x height} pixels (40000 x
 * 40000 would take 6.4 GB once decoded) followed by a few bytes of image data, so only a reader
 * that trusts the header allocates anything large; and JPEG, GIF and BMP files whose headers lie
 * the same way.
 */
public final class PictureBomb {
    private PictureBomb() {
    }

    /** The PNG bytes: signature, IHDR (8-bit gray) with the claimed size, a tiny IDAT, IEND. */
    public static byte[] png(int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream ihdr = new DataOutputStream(header);
            ihdr.writeInt(width);
            ihdr.writeInt(height);
            ihdr.write(new byte[] {8, 0, 0, 0, 0});
            chunk(out, "IHDR", header.toByteArray());
            chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x63, 0, 0, 0, 1, 0, 1});
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * A small picture encoded as {@code format} (jpeg, gif or bmp) whose header then claims {@code
     * width x height} pixels; its data stays that of the small picture.
     */
    public static byte[] claiming(String format, int width, int height) {
        BufferedImage small = new BufferedImage(8, 8, format.equals("bmp") || format.equals("jpeg")
                ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_BYTE_INDEXED);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(small, format, encoded)) {
                throw new IllegalArgumentException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = encoded.toByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        switch (format) {
            case "jpeg" -> {
                int at = 2;
                while ((bytes[at + 1] & 0xFF) != 0xC0) {
                    at += 2 + buffer.order(ByteOrder.BIG_ENDIAN).getShort(at + 2);
                }
                buffer.order(ByteOrder.BIG_ENDIAN).putShort(at + 5, (short) height).putShort(at + 7, (short) width);
            }
            case "gif" -> {
                buffer.order(ByteOrder.LITTLE_ENDIAN).putShort(6, (short) width).putShort(8, (short) height);
                int descriptor = indexOf(bytes, (byte) 0x2C, 13);
                buffer.putShort(descriptor + 5, (short) width).putShort(descriptor + 7, (short) height);
            }
            case "bmp" -> buffer.order(ByteOrder.LITTLE_ENDIAN).putInt(18, width).putInt(22, height);
            default -> throw new IllegalArgumentException(format);
        }
        return bytes;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("no image descriptor");
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
