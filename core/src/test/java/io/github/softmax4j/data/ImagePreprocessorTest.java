package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreprocessorTest {
    @TempDir
    Path dir;

    /** A 28x28 "garment": a bright block touching the top and bottom edges, black elsewhere. */
    private static byte[] garment() {
        byte[] pixels = new byte[784];
        for (int r = 0; r < 28; r++) {
            for (int c = 8; c < 20; c++) {
                pixels[r * 28 + c] = (byte) (150 + (r * 3 + c) % 100);
            }
        }
        return pixels;
    }

    private static BufferedImage gray(byte[] pixels, int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, side, side, pixels);
        return image;
    }

    /** {@code pixels} drawn {@code zoom} times larger, in RGB, inverted (dark on light) if asked. */
    private static BufferedImage enlarged(byte[] pixels, int zoom, boolean inverted) {
        BufferedImage image = new BufferedImage(28 * zoom, 28 * zoom, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 28 * zoom; y++) {
            for (int x = 0; x < 28 * zoom; x++) {
                int v = pixels[(y / zoom) * 28 + x / zoom] & 0xFF;
                v = inverted ? 255 - v : v;
                image.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return image;
    }

    private static double meanAbsoluteDifference(byte[] a, byte[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return sum / a.length;
    }

    @Test
    void aFashionMnistImageSavedAsPngComesBackUnchanged() throws IOException {
        Path png = dir.resolve("garment.png");
        ImageIO.write(gray(garment(), 28), "png", png.toFile());
        assertArrayEquals(garment(), ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(png)));
    }

    @Test
    void anEnlargedCopyComesBackNearlyTheSame() {
        byte[] result = ImagePreprocessor.toFashionMnist(enlarged(garment(), 5, false));
        assertTrue(meanAbsoluteDifference(garment(), result) < 4, "difference " + meanAbsoluteDifference(garment(), result));
    }

    @Test
    void aDarkObjectOnALightBackgroundIsInverted() {
        byte[] result = ImagePreprocessor.toFashionMnist(enlarged(garment(), 3, true));
        assertTrue(meanAbsoluteDifference(garment(), result) < 4, "difference " + meanAbsoluteDifference(garment(), result));
    }

    @Test
    void theObjectIsCroppedScaledToFillTheLongerSideAndCentred() {
        // a 200x100 white bar in the middle of a 400x400 black picture
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(50, 250, 200, 100);
        g.dispose();
        byte[] result = ImagePreprocessor.toFashionMnist(image);
        int rows = 0;
        for (int r = 0; r < 28; r++) {
            rows += (result[r * 28 + 14] & 0xFF) > 128 ? 1 : 0;
            assertTrue((result[r * 28] & 0xFF) > 128 == (result[r * 28 + 27] & 0xFF) > 128, "bar spans the width");
        }
        assertEquals(14, rows, "half as high as wide");
        assertEquals(0, result[0], "black above");
        assertEquals(0, result[27 * 28], "black below");
    }

    @Test
    void transparentPartsAreBackground() {
        BufferedImage image = new BufferedImage(60, 60, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(20, 10, 20, 40);
        g.dispose();
        byte[] result = ImagePreprocessor.toFashionMnist(image);
        assertEquals(255, result[14 * 28 + 14] & 0xFF, "the black object becomes white, as in the data set");
        assertEquals(0, result[14 * 28] & 0xFF, "the transparent background becomes black");
    }

    @Test
    void aFileThatIsNotAnImageIsNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        IOException e = assertThrows(IOException.class, () -> ImagePreprocessor.read(text));
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("PNG, JPEG, GIF or BMP"));
        IOException missing = assertThrows(IOException.class, () -> ImagePreprocessor.read(dir.resolve("gone.png")));
        assertTrue(missing.getMessage().contains("gone.png: file not found"), missing.getMessage());
    }

    @Test
    void aPictureClaimingTooManyPixelsIsRejectedBeforeItIsDecoded() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), PictureBomb.png(40000, 40000));
        IOException e = assertThrows(IOException.class, () -> ImagePreprocessor.read(bomb));
        assertEquals(bomb + ": 40000x40000 pixels is more than the 50 megapixels this tool reads; scale the picture down",
                e.getMessage());
        IOException inMemory = assertThrows(IOException.class,
                () -> ImagePreprocessor.read(PictureBomb.png(40000, 40000), "upload"));
        assertTrue(inMemory.getMessage().startsWith("upload: 40000x40000 pixels"), inMemory.getMessage());
    }

    @Test
    void aPictureInMemoryReadsAsTheFileDoes() throws IOException {
        Path png = dir.resolve("garment.png");
        ImageIO.write(gray(garment(), 28), "png", png.toFile());
        byte[] fromMemory = ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(Files.readAllBytes(png), "garment"));
        assertArrayEquals(garment(), fromMemory);
    }

    @Test
    void aTruncatedPictureIsReportedAsDamaged() throws IOException {
        Path png = dir.resolve("garment.png");
        ImageIO.write(enlarged(garment(), 4, false), "png", png.toFile());
        byte[] whole = Files.readAllBytes(png);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        IOException e = assertThrows(IOException.class, () -> ImagePreprocessor.read(truncated, "half.png"));
        assertEquals("half.png: a damaged or incomplete image; save it again as PNG or JPEG", e.getMessage());
    }
}
