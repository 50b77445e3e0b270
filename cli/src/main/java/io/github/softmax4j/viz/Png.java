package io.github.softmax4j.viz;

import io.github.softmax4j.data.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** PNG files through the JDK's ImageIO, written atomically. */
public final class Png {
    private Png() {
    }

    /**
     * The image encoded as PNG, in memory: ImageIO's default cache file would register a shutdown
     * hook, which fails while a stopped run draws its last curves.
     */
    public static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this Java runtime has no PNG writer");
            }
        }
        return bytes.toByteArray();
    }

    /** Writes {@code image} to {@code path} as PNG, atomically; returns the encoded bytes. */
    public static byte[] write(BufferedImage image, Path path) throws IOException {
        byte[] png = encode(image);
        AtomicFiles.write(path, png);
        return png;
    }
}
