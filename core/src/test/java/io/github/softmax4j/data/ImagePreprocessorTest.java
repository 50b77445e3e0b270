package io.github.softmax4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
    void anEnlargedCopyComesBackNearlyTheSame() throws IOException {
        byte[] result = ImagePreprocessor.toFashionMnist(enlarged(garment(), 5, false));
        assertTrue(meanAbsoluteDifference(garment(), result) < 4, "difference " + meanAbsoluteDifference(garment(), result));
    }

    @Test
    void aLargePictureIsReadSubsampledAndPreparedAsItsSmallerCopy() throws IOException {
        Path big = dir.resolve("big.png");
        ImageIO.write(enlarged(garment(), 90, true), "png", big.toFile());
        BufferedImage read = ImagePreprocessor.read(big);
        assertTrue((long) read.getWidth() * read.getHeight() <= ImagePreprocessor.DECODED_PIXELS,
                read.getWidth() + "x" + read.getHeight());
        byte[] result = ImagePreprocessor.toFashionMnist(read);
        assertTrue(meanAbsoluteDifference(garment(), result) < 4, "difference " + meanAbsoluteDifference(garment(), result));
    }

    @Test
    void aDarkObjectOnALightBackgroundIsInverted() throws IOException {
        byte[] result = ImagePreprocessor.toFashionMnist(enlarged(garment(), 3, true));
        assertTrue(meanAbsoluteDifference(garment(), result) < 4, "difference " + meanAbsoluteDifference(garment(), result));
    }

    @Test
    void theObjectIsCroppedScaledToFillTheLongerSideAndCentred() throws IOException {
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
    void transparentPartsAreBackground() throws IOException {
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
    void aLightGarmentCutOutOfItsPhotographStandsOutFromItsTransparentBackground() throws IOException {
        for (Color garment : List.of(Color.WHITE, new Color(230, 220, 200))) {
            BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            g.setColor(garment);
            g.fillRect(60, 20, 80, 160);
            g.dispose();
            byte[] result = ImagePreprocessor.toFashionMnist(image, "cut-out.png");
            assertTrue((result[14 * 28 + 14] & 0xFF) > 200, "the light garment stays light: " + garment);
            assertEquals(0, result[14 * 28] & 0xFF, "the transparent background becomes black");
            assertEquals(0, result[14 * 28 + 6] & 0xFF, "cropped to the garment, half as wide as high");
            assertTrue((result[14 * 28 + 8] & 0xFF) > 200, "its left edge");
        }
    }

    @Test
    void aGrayLightGarmentWithAlphaIsCutOutToo() throws IOException {
        ComponentColorModel grayAlpha = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true,
                false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(grayAlpha, grayAlpha.createCompatibleWritableRaster(100, 100),
                false, null);
        for (int y = 20; y < 80; y++) {
            for (int x = 35; x < 65; x++) {
                image.getRaster().setPixel(x, y, new int[] {250, 255});
            }
        }
        byte[] result = ImagePreprocessor.toFashionMnist(image);
        assertTrue((result[14 * 28 + 14] & 0xFF) > 200, "the light garment stays light");
        assertEquals(0, result[14 * 28], "on black");
    }

    @Test
    void aPictureWithOnlyItsCornersTransparentKeepsThemWhite() throws IOException {
        // a photograph on white with rounded corners: the corners are background, as white as the rest of it
        BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRoundRect(0, 0, 200, 200, 40, 40);
        g.setColor(Color.BLACK);
        g.fillRect(80, 40, 40, 120);
        g.dispose();
        byte[] result = ImagePreprocessor.toFashionMnist(image);
        assertTrue((result[14 * 28 + 14] & 0xFF) > 200, "the dark garment becomes light");
        assertEquals(0, result[14 * 28 + 4] & 0xFF, "beside it, black: the corners did not widen the crop");
    }

    @Test
    void aFileThatIsNotAnImageIsNamed() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        IOException e = assertThrows(IOException.class, () -> ImagePreprocessor.read(text));
        assertTrue(e.getMessage().contains(text.toString()) && e.getMessage().contains("PNG, JPEG, GIF or BMP"));
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertEquals(empty + ": the file is empty (0 bytes); give a picture file, such as a PNG or JPEG",
                assertThrows(IOException.class, () -> ImagePreprocessor.read(empty)).getMessage());
        assertEquals("upload.png: the file is empty (0 bytes); give a picture file, such as a PNG or JPEG",
                assertThrows(IOException.class, () -> ImagePreprocessor.read(new byte[0], "upload.png")).getMessage());
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

    @Test
    void aJpegCutShortAndABmpWithoutItsHeaderAreReportedAsDamaged() throws IOException {
        Path jpeg = dir.resolve("garment.jpg");
        ImageIO.write(enlarged(garment(), 8, false), "jpeg", jpeg.toFile());
        byte[] whole = Files.readAllBytes(jpeg);
        // the decoder fills the missing rows with gray and only warns
        IOException cut = assertThrows(IOException.class,
                () -> ImagePreprocessor.read(Arrays.copyOf(whole, whole.length / 2), "cut.jpg"));
        assertEquals("cut.jpg: a damaged or incomplete image; save it again as PNG or JPEG", cut.getMessage());
        assertTrue(ImagePreprocessor.read(whole, "whole.jpg").getWidth() > 0);
        IOException bmp = assertThrows(IOException.class,
                () -> ImagePreprocessor.read("BM".getBytes(StandardCharsets.US_ASCII), "bm.bmp"));
        assertEquals("bm.bmp: a damaged or incomplete image; save it again as PNG or JPEG", bmp.getMessage());
    }

    /** The share of a 28x28 image's outermost pixels brighter than 10. */
    private static double litBorderShare(byte[] pixels) {
        int lit = 0;
        for (int k = 0; k < 28; k++) {
            for (int at : new int[] {k, 27 * 28 + k, k * 28, k * 28 + 27}) {
                lit += (pixels[at] & 0xFF) > 10 ? 1 : 0;
            }
        }
        return lit / (4.0 * 28);
    }

    /** A {@code side}x{@code side} picture of {@code background} gray with a {@code garment} gray rectangle. */
    private static BufferedImage rectangle(int side, int background, int garment) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(background, background, background));
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(garment, garment, garment));
        g.fillRect(side / 4, side / 5, side / 3, 3 * side / 5);
        g.dispose();
        return image;
    }

    @Test
    void aGarmentLighterOrDarkerThanItsBackgroundIsPreparedAlike() throws IOException {
        byte[] whiteOnBlack = ImagePreprocessor.toFashionMnist(rectangle(200, 0, 255));
        assertEquals(255, whiteOnBlack[14 * 28 + 14] & 0xFF);
        assertArrayEquals(whiteOnBlack, ImagePreprocessor.toFashionMnist(rectangle(200, 200, 255)),
                "a white shirt on light grey");
        assertArrayEquals(whiteOnBlack, ImagePreprocessor.toFashionMnist(rectangle(200, 60, 0)),
                "a black shirt on dark grey");
        assertArrayEquals(whiteOnBlack, ImagePreprocessor.toFashionMnist(rectangle(200, 255, 0)),
                "a black shirt on white");
    }

    @Test
    void aBlankPictureHasNoGarmentAndGetsNoAnswer() {
        BufferedImage noisy = rectangle(100, 120, 120);
        for (int i = 0; i < 300; i++) {
            int v = 120 + (i % 11) - 5;
            noisy.setRGB((i * 37) % 100, (i * 53) % 100, v << 16 | v << 8 | v);
        }
        for (BufferedImage blank : List.of(rectangle(100, 0, 0), rectangle(100, 255, 255), rectangle(28, 0, 0),
                rectangle(64, 180, 183), noisy)) {
            NoGarmentException e = assertThrows(NoGarmentException.class,
                    () -> ImagePreprocessor.toFashionMnist(blank, "blank.png"));
            assertTrue(e.getMessage().startsWith("blank.png: no garment found"), e.getMessage());
        }
    }

    @Test
    void aGrayPictureWithAlphaIsPreparedAsTheSamePixelsWithout() throws IOException {
        ComponentColorModel grayAlpha = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true,
                false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        BufferedImage withAlpha = new BufferedImage(grayAlpha, grayAlpha.createCompatibleWritableRaster(28, 28),
                false, null);
        byte[] pixels = garment();
        for (int i = 0; i < pixels.length; i++) {
            withAlpha.getRaster().setPixel(i % 28, i / 28, new int[] {pixels[i] & 0xFF, 255});
        }
        Path png = dir.resolve("gray-alpha.png");
        assertTrue(ImageIO.write(withAlpha, "png", png.toFile()));
        assertEquals(2, ImageIO.read(png.toFile()).getRaster().getNumBands(), "saved as gray with alpha");
        assertArrayEquals(pixels, ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(png)));
    }

    @Test
    void aSpeckInTheCornerDoesNotWidenTheCrop() throws IOException {
        BufferedImage clean = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = clean.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(6, 3, 8, 13);
        g.dispose();
        BufferedImage specked = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        specked.setData(clean.getData());
        for (int[] xy : new int[][] {{17, 17}, {18, 17}, {19, 17}, {17, 18}, {18, 18}, {19, 18}, {19, 19}}) {
            specked.setRGB(xy[0], xy[1], 0xFFFFFF);
        }
        assertArrayEquals(ImagePreprocessor.toFashionMnist(clean), ImagePreprocessor.toFashionMnist(specked));
    }

    @Test
    void realTestImagesComeBackUnchangedEvenWhenTheGarmentCoversMostOfTheBorder() throws IOException {
        Dataset test = RealData.load().test();
        int mostlyCovered = 0;
        for (int i = 0; i < test.size(); i++) {
            if (i < 300 || litBorderShare(test.image(i)) >= 0.45) {
                mostlyCovered += i < 300 ? 0 : 1;
                assertArrayEquals(test.image(i), ImagePreprocessor.toFashionMnist(gray(test.image(i), 28)), "image " + i);
            }
        }
        assertTrue(mostlyCovered >= 8, "the test set has images whose garment covers most of the border");
        for (int i = 0; i < 200; i++) {
            Path png = dir.resolve("test-" + i + ".png");
            ImageIO.write(gray(test.image(i), 28), "png", png.toFile());
            assertArrayEquals(test.image(i), ImagePreprocessor.toFashionMnist(ImagePreprocessor.read(png)), "image " + i);
        }
    }

    @Test
    void everyFormatsHeaderIsCheckedBeforeItIsDecoded() throws IOException {
        for (String format : List.of("jpeg", "gif")) {
            Path bomb = Files.write(dir.resolve("bomb." + format), PictureBomb.claiming(format, 40000, 40000));
            IOException e = assertThrows(IOException.class, () -> ImagePreprocessor.read(bomb), format);
            assertEquals(bomb + ": 40000x40000 pixels is more than the 50 megapixels this tool reads; scale the "
                    + "picture down", e.getMessage());
        }
    }

    @Test
    void aHeaderWithinTheLimitOverTooLittleDataIsDamagedAndNamed() throws IOException {
        // an uncompressed BMP's header must match its data size, so its reader refuses the lie itself
        for (byte[] liar : List.of(PictureBomb.png(2000, 2000), PictureBomb.claiming("bmp", 40000, 40000),
                PictureBomb.claiming("bmp", 2000, 2000),
                PictureBomb.claiming("gif", 2000, 2000), PictureBomb.claiming("jpeg", 2000, 2000))) {
            IOException e = assertThrows(IOException.class, () -> ImagePreprocessor.toFashionMnist(
                    ImagePreprocessor.read(liar, "liar"), "liar"));
            assertTrue(e.getMessage().startsWith("liar: "), e.getMessage());
        }
    }
}
