package io.github.softmax4j.data;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns a person's own picture into what the model was trained on. Fashion-MNIST images are
 * grayscale, a light garment on black, trimmed to the garment and scaled so its longer side fills
 * the 28x28 frame. So: grayscale (transparent parts count as white, or as black around a light
 * garment cut out of its photograph); the background is the median gray of the picture's border;
 * the garment is what differs from it, lighter or darker, and each pixel becomes how much it
 * differs, stretched so the background is black and the
 * largest possible difference white; the garment is its largest connected part and any part at
 * least a tenth of that size, so a speck does not widen the crop; it is cropped, its longer side
 * scaled to 28 pixels keeping the aspect ratio, and centred on black. A picture where nothing
 * stands out is refused ({@link NoGarmentException}). An image that is already 28x28 is taken to
 * be framed like the data set and is not cropped or scaled, so a Fashion-MNIST image comes back
 * unchanged.
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

    /** The most pixels a picture is decoded to; a larger one is subsampled evenly as it is read. */
    public static final long DECODED_PIXELS = 4_000_000L;
    // a prepared pixel this much brighter than the background is part of the garment
    private static final int OBJECT_THRESHOLD = 4;
    // a background darker than this counts as black already (Fashion-MNIST borders are 0 to 3)
    private static final int BLACK_ENOUGH = 10;
    private static final int WHITE = 255;
    // when the background is stretched to black, this much beyond its level goes black too, to
    // absorb the noise and shading of a photograph's background
    private static final int BACKGROUND_MARGIN = 12;
    // a 28x28 picture with this share of its border black is framed like the data set, on black
    private static final double FRAMED_BLACK_SHARE = 0.2;
    // the least share of the picture, and the fewest pixels, the garment's largest part covers
    private static final double GARMENT_SHARE = 0.002;
    private static final int GARMENT_PIXELS = 4;
    // a separate part belongs to the garment too if it has this share of the largest part's size,
    // or if it lies within 1/NEAR_PARTS of the largest part's longer side from it (a sandal's straps)
    private static final double PART_SHARE = 0.1;
    private static final int NEAR_PARTS = 8;

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
        // ImageIO says nothing of a file it cannot open; opening it here first names the problem
        // (permission denied) as the file system does
        FileChannel.open(path, StandardOpenOption.READ).close();
        if (Files.size(path) == 0) {
            throw empty(path.toString());
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            return decode(in, path.toString());
        }
    }

    /** As {@link #read(Path)}, for a picture's bytes in memory; {@code name} is how messages call it. */
    public static BufferedImage read(byte[] bytes, String name) throws IOException {
        if (bytes.length == 0) {
            throw empty(name);
        }
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
            // a 28x28 input needs no more than a few megapixels: a larger picture is read with only
            // every step-th pixel of every step-th row, which bounds the memory of preparing it
            int step = (int) Math.ceil(Math.sqrt((double) pixels / DECODED_PIXELS));
            ImageReadParam param = reader.getDefaultReadParam();
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            // the JPEG decoder fills a picture cut short with gray, and only warns ("Truncated File -
            // Missing EOI marker", "Corrupt JPEG data: premature end of data segment")
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning.toLowerCase(Locale.ROOT)));
            BufferedImage image = reader.read(0, param);
            if (warnings.stream().anyMatch(warning -> warning.contains("truncated")
                    || warning.contains("premature end"))) {
                throw damaged(name, null);
            }
            return image;
        } catch (IIOException | EOFException | RuntimeException e) {
            // decoders report damaged data this way, a file cut short in its header with EOFException,
            // and some with unchecked exceptions
            throw damaged(name, e);
        } finally {
            reader.dispose();
        }
    }

    private static IOException empty(String name) {
        return new IOException(name + ": the file is empty (0 bytes); give a picture file, such as a PNG or JPEG");
    }

    private static IOException damaged(String name, Throwable cause) {
        return new IOException(name + ": a damaged or incomplete image; save it again as PNG or JPEG", cause);
    }

    /** As {@link #toFashionMnist(BufferedImage, String)}, calling the picture "the picture" in messages. */
    public static byte[] toFashionMnist(BufferedImage image) throws NoGarmentException {
        return toFashionMnist(image, "the picture");
    }

    /**
     * The image as 28x28 uint8 pixels, row-major, light garment on black, as Fashion-MNIST stores
     * them; throws {@link NoGarmentException}, naming the picture {@code name}, when nothing stands
     * out from the background.
     */
    public static byte[] toFashionMnist(BufferedImage image, String name) throws NoGarmentException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] levels = grayLevels(image);
        int background = width == SIDE && height == SIDE && blackBorderShare(levels) >= FRAMED_BLACK_SHARE ? 0
                : borderMedian(levels, width, height);
        for (int i = 0; i < levels.length; i++) {
            levels[i] = garmentLevel(levels[i], background);
        }
        int black = garmentLevel(background, background);
        int[] box = mainObjectBox(levels, width, height, black);
        if (box == null) {
            throw new NoGarmentException(name);
        }
        if (width == SIDE && height == SIDE) {
            byte[] pixels = new byte[SIDE * SIDE];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) levels[i];
            }
            return pixels;
        }
        return fit(levels, width, box);
    }

    /**
     * How much a pixel of gray {@code level} differs from the {@code background}, as a level of a
     * light garment on black: pixels lighter than the background and pixels darker than it both
     * count, whichever the garment is. The difference is stretched to fill 0..255 on its side,
     * after a margin that absorbs a photograph's noise and shading; a background already within
     * {@value #BLACK_ENOUGH} levels of black (or of white) keeps the levels as they are (or
     * inverted), so a Fashion-MNIST image comes back unchanged.
     */
    private static int garmentLevel(int level, int background) {
        if (background <= BLACK_ENOUGH) {
            return level;
        }
        if (background >= 255 - BLACK_ENOUGH) {
            return 255 - level;
        }
        if (level >= background) {
            int range = 255 - background - BACKGROUND_MARGIN;
            return range <= 0 ? 0 : Math.max(0, level - background - BACKGROUND_MARGIN) * 255 / range;
        }
        int range = background - BACKGROUND_MARGIN;
        return range <= 0 ? 0 : Math.max(0, range - level) * 255 / range;
    }

    /**
     * Gray 0..255 of every pixel, its transparent parts laid over a backdrop (see {@link #backdrop}).
     * A gray image's stored levels are taken as they are, with or without alpha: Java would
     * otherwise treat them as linear light and brighten them on the way to sRGB, so a Fashion-MNIST
     * image saved as a gray PNG would not come back as it was, and a gray PNG with alpha would be
     * prepared differently from the same pixels without.
     */
    private static int[] grayLevels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] gray = new int[width * height];
        Pixel pixel = new Pixel(image);
        int backdrop = image.getColorModel().hasAlpha() ? backdrop(pixel, width, height) : WHITE;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixel.read(x, y);
                gray[y * width + x] = pixel.over(backdrop);
            }
        }
        return gray;
    }

    /**
     * What a picture's transparent parts are laid over: white, unless most of its border is
     * transparent, as around a garment cut out of its photograph. Then the backdrop is the one of
     * black and white farther from the garment's own mean gray, so a white cut-out stands out as
     * well as a dark one.
     */
    private static int backdrop(Pixel pixel, int width, int height) {
        int border = 0;
        int clearBorder = 0;
        double opacity = 0;
        double covered = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixel.read(x, y);
                opacity += pixel.alpha;
                covered += pixel.covered;
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    border++;
                    clearBorder += pixel.alpha < 0.5 ? 1 : 0;
                }
            }
        }
        boolean cutOut = 2 * clearBorder > border && opacity > 0;
        return cutOut && covered / opacity > WHITE / 2.0 ? 0 : WHITE;
    }

    /**
     * One pixel at a time: its opacity 0..1, and its gray 0..255 times that opacity (the share of
     * the pixel the colour covers), read from a stored gray image as stored and from any other as
     * Rec. 601 luma.
     */
    private static final class Pixel {
        private final BufferedImage image;
        private final Raster raster;
        private final ColorModel model;
        private final boolean storedGray;
        private final int max;
        private final int maxAlpha;
        double alpha;
        double covered;

        Pixel(BufferedImage image) {
            this.image = image;
            raster = image.getRaster();
            model = image.getColorModel();
            storedGray = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                    && raster.getNumBands() == (model.hasAlpha() ? 2 : 1);
            max = (1 << raster.getSampleModel().getSampleSize(0)) - 1;
            maxAlpha = model.hasAlpha() ? (1 << raster.getSampleModel().getSampleSize(raster.getNumBands() - 1)) - 1
                    : 1;
        }

        void read(int x, int y) {
            if (storedGray) {
                double level = raster.getSample(x, y, 0) * 255.0 / max;
                alpha = model.hasAlpha() ? (double) raster.getSample(x, y, 1) / maxAlpha : 1;
                covered = model.isAlphaPremultiplied() ? level : level * alpha;
            } else {
                int argb = image.getRGB(x, y);
                alpha = (argb >>> 24) / 255.0;
                covered = (0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF))
                        * alpha;
            }
        }

        /** Gray 0..255 of the pixel laid over a backdrop of gray {@code backdrop}. */
        int over(int backdrop) {
            return (int) Math.round(Math.min(WHITE, covered + backdrop * (1 - alpha)));
        }
    }

    /**
     * The share of a 28x28 picture's outermost pixels that are black. A Fashion-MNIST garment can
     * cover most of the border (a bag, a pullover), but never the whole: in the test set at least
     * a fifth of every image's border is black, so such a picture's background is black.
     */
    private static double blackBorderShare(int[] levels) {
        int black = 0;
        int count = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (x == 0 || y == 0 || x == SIDE - 1 || y == SIDE - 1) {
                    black += levels[y * SIDE + x] <= BLACK_ENOUGH ? 1 : 0;
                    count++;
                }
            }
        }
        return (double) black / count;
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

    /**
     * {x, y, width, height} of the garment: the largest 8-connected group of pixels brighter than
     * {@code black} by more than {@value #OBJECT_THRESHOLD}, together with every group near it or at
     * least {@value #PART_SHARE} of its size (a garment's separate parts), so a speck of dust away
     * from the garment does not widen the crop. Null when no group covers {@value #GARMENT_SHARE}
     * of the picture (and at least {@value #GARMENT_PIXELS} pixels): then there is no garment.
     */
    private static int[] mainObjectBox(int[] levels, int width, int height, int black) {
        boolean[] seen = new boolean[levels.length];
        int[] stack = new int[256];
        List<int[]> groups = new ArrayList<>();
        int largest = 0;
        int[] main = null;
        // groups far smaller than any garment are counted but not kept, so noise cannot fill the memory
        long keep = Math.max(1, (long) (levels.length * GARMENT_SHARE * PART_SHARE));
        for (int start = 0; start < levels.length; start++) {
            if (seen[start] || levels[start] <= black + OBJECT_THRESHOLD) {
                continue;
            }
            int[] group = {0, width, height, -1, -1};
            seen[start] = true;
            stack[0] = start;
            int top = 1;
            while (top > 0) {
                int i = stack[--top];
                int x = i % width;
                int y = i / width;
                group[0]++;
                group[1] = Math.min(group[1], x);
                group[2] = Math.min(group[2], y);
                group[3] = Math.max(group[3], x);
                group[4] = Math.max(group[4], y);
                for (int ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
                    for (int nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
                        int j = ny * width + nx;
                        if (!seen[j] && levels[j] > black + OBJECT_THRESHOLD) {
                            seen[j] = true;
                            if (top == stack.length) {
                                stack = Arrays.copyOf(stack, 2 * top);
                            }
                            stack[top++] = j;
                        }
                    }
                }
            }
            if (group[0] > largest) {
                largest = group[0];
                main = group;
            }
            if (group[0] >= keep) {
                groups.add(group);
            }
        }
        if (largest < Math.max(GARMENT_PIXELS, levels.length * GARMENT_SHARE)) {
            return null;
        }
        int reach = Math.max(main[3] - main[1], main[4] - main[2]) / NEAR_PARTS + 1;
        int left = width;
        int top = height;
        int right = -1;
        int bottom = -1;
        for (int[] group : groups) {
            boolean near = group[1] <= main[3] + reach && group[3] >= main[1] - reach
                    && group[2] <= main[4] + reach && group[4] >= main[2] - reach;
            if (near || group[0] >= largest * PART_SHARE) {
                left = Math.min(left, group[1]);
                top = Math.min(top, group[2]);
                right = Math.max(right, group[3]);
                bottom = Math.max(bottom, group[4]);
            }
        }
        return new int[] {left, top, right - left + 1, bottom - top + 1};
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
