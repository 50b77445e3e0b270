package io.github.softmax4j.data;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns a person's own picture into what the model was trained on. Fashion-MNIST images are
 * grayscale, a light object on black, trimmed to the object and scaled so its longer side fills
 * the 28x28 frame. So: grayscale (transparent parts count as white background); invert when the
 * background (the median of the image's border) is light; if the background is then still not black,
 * stretch its level down to black; crop to the object; scale its longer side to 28 pixels keeping
 * the aspect ratio, and centre it on black. An image that is already 28x28 is taken to be framed
 * like the data set and is not cropped or scaled, so a Fashion-MNIST image comes back unchanged.
 */
public final class ImagePreprocessor {
    /** Side of the square the model sees. */
    public static final int SIDE = FashionMnist.DATA_SET.height();
    /**
     * The most pixels a picture may have. A few hundred bytes of PNG can claim 40000x40000 pixels,
     * which would take gigabytes once decoded, so the size in the header is checked first; 50
     * megapixels is more than a phone camera's photo.
     */
    public static final long MAX_PIXELS = 50_000_000L;
    // a pixel this much brighter than the background is part of the object when cropping
    private static final int OBJECT_THRESHOLD = 4;
    // a background darker than this counts as black already (Fashion-MNIST borders are 0 to 3)
    private static final int BLACK_ENOUGH = 10;
    // when the background is stretched to black, this much above its level goes black too, to
    // absorb the noise and shading of a photograph's background
    private static final int BACKGROUND_MARGIN = 12;

    private ImagePreprocessor() {
    }

    /**
     * Reads a PNG, JPEG, GIF or BMP file; throws an IOException naming the file if it is not one,
     * is damaged, or has more than {@link #MAX_PIXELS} pixels.
     */
    public static BufferedImage read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IOException(path + ": is a folder, not a picture; give a picture file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new IOException(path + ": is not a regular file (a device, FIFO or socket); give a picture file");
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "file not found; check the name and the folder");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            return decode(in, path.toString());
        }
    }

    /** As {@link #read(Path)}, for a picture's bytes in memory; {@code name} is how messages call it. */
    public static BufferedImage read(byte[] bytes, String name) throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return decode(in, name);
        }
    }

    private static BufferedImage decode(ImageInputStream in, String name) throws IOException {
        Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
        if (readers == null || !readers.hasNext()) {
            throw new IOException(name + ": not an image this tool can read; use PNG, JPEG, GIF or BMP");
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                throw new IOException(String.format(Locale.ROOT,
                        "%s: %dx%d pixels is more than the %d megapixels this tool reads; scale the picture down",
                        name, reader.getWidth(0), reader.getHeight(0), MAX_PIXELS / 1_000_000));
            }
            return reader.read(0);
        } catch (IIOException | RuntimeException e) {
            // decoders report damaged data this way, and some with unchecked exceptions
            throw new IOException(name + ": a damaged or incomplete image; save it again as PNG or JPEG", e);
        } finally {
            reader.dispose();
        }
    }

    /** The image as 28x28 uint8 pixels, row-major, light object on black, as Fashion-MNIST stores them. */
    public static byte[] toFashionMnist(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] gray = grayLevels(image);
        if (borderMedian(gray, width, height) > 127) {
            for (int i = 0; i < gray.length; i++) {
                gray[i] = 255 - gray[i];
            }
        }
        int background = borderMedian(gray, width, height);
        if (background > BLACK_ENOUGH) {
            int black = Math.min(254, background + BACKGROUND_MARGIN);
            for (int i = 0; i < gray.length; i++) {
                gray[i] = Math.max(0, gray[i] - black) * 255 / (255 - black);
            }
            background = 0;
        }
        if (width == SIDE && height == SIDE) {
            byte[] pixels = new byte[SIDE * SIDE];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) gray[i];
            }
            return pixels;
        }
        int[] box = objectBox(gray, width, height, background);
        return fit(gray, width, box);
    }

    /**
     * Gray 0..255 of every pixel, composited over white. A gray image's stored levels are taken as
     * they are: Java would otherwise treat them as linear light and brighten them on the way to
     * sRGB, so a Fashion-MNIST image saved as a gray PNG would not come back as it was.
     */
    private static int[] grayLevels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] gray = new int[width * height];
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        boolean storedGray = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !model.hasAlpha()
                && raster.getNumBands() == 1;
        int max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                gray[y * width + x] = storedGray ? raster.getSample(x, y, 0) * 255 / max
                        : luminance(image.getRGB(x, y));
            }
        }
        return gray;
    }

    /** Gray 0..255 of an ARGB pixel, composited over white (Rec. 601 luma weights). */
    private static int luminance(int argb) {
        int alpha = argb >>> 24;
        double luma = 0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF);
        return (int) Math.round((luma * alpha + 255.0 * (255 - alpha)) / 255.0);
    }

    /** The median gray level of the outermost pixels: the background, even where the object touches the edge. */
    private static int borderMedian(int[] gray, int width, int height) {
        int[] histogram = new int[256];
        int count = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    histogram[gray[y * width + x]]++;
                    count++;
                }
            }
        }
        int seen = 0;
        for (int level = 0; level < 256; level++) {
            seen += histogram[level];
            if (2 * seen >= count) {
                return level;
            }
        }
        return 255;
    }

    /** {x, y, width, height} of the pixels brighter than the background; the whole image if none is. */
    private static int[] objectBox(int[] gray, int width, int height, int background) {
        int left = width;
        int top = height;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (gray[y * width + x] > background + OBJECT_THRESHOLD) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return right < 0 ? new int[] {0, 0, width, height} : new int[] {left, top, right - left + 1, bottom - top + 1};
    }

    /**
     * Scales the box's longer side to 28 keeping the aspect ratio (area averaging) and centres the
     * result on black. Works on RGB images with equal channels, never on Java's gray images, to
     * keep its colour management out of the way.
     */
    private static byte[] fit(int[] gray, int width, int[] box) {
        BufferedImage object = new BufferedImage(box[2], box[3], BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < box[3]; y++) {
            for (int x = 0; x < box[2]; x++) {
                int v = gray[(box[1] + y) * width + box[0] + x];
                object.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        double scale = (double) SIDE / Math.max(box[2], box[3]);
        int w = Math.max(1, (int) Math.round(box[2] * scale));
        int h = Math.max(1, (int) Math.round(box[3] * scale));
        BufferedImage frame = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        try {
            // an odd margin puts its extra pixel before the object, as the data set's own images do
            g.drawImage(object.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), (SIDE - w + 1) / 2,
                    (SIDE - h + 1) / 2, null);
        } finally {
            g.dispose();
        }
        byte[] pixels = new byte[SIDE * SIDE];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (frame.getRGB(i % SIDE, i / SIDE) & 0xFF);
        }
        return pixels;
    }
}
