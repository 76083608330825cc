package app.smallwins.media.process;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;

/**
 * A photo's EXIF orientation (1 to 8), applied to the pixels so the picture stays upright once
 * its EXIF is gone. A phone held upright stores a landscape picture and Orientation 6.
 */
final class Orientation {

    static final int UPRIGHT = 1;

    private Orientation() {
    }

    /** The Orientation tag of an EXIF block (with or without the JPEG "Exif\0\0" prefix); upright when absent or broken. */
    static int of(byte[] exif) {
        byte[] tiff = exif;
        if (exif.length >= 6 && new String(exif, 0, 4, StandardCharsets.ISO_8859_1).equals("Exif")) {
            tiff = Arrays.copyOfRange(exif, 6, exif.length);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
            Directory directory = new TIFFReader().read(in);
            Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number value && value.intValue() >= 1 && value.intValue() <= 8) {
                return value.intValue();
            }
        } catch (IOException | RuntimeException e) {
            // A broken EXIF block says nothing: the picture is kept as stored.
        }
        return UPRIGHT;
    }

    /** Whether the orientation swaps width and height. */
    static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /**
     * The picture as it is meant to be seen. {@code image} is TYPE_INT_RGB or TYPE_INT_ARGB;
     * the result has the same type. Each pixel is moved, never resampled.
     */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == UPRIGHT) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] source = pixels(image);
        boolean swap = swapsSides(orientation);
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        BufferedImage result = new BufferedImage(dw, dh, image.getType());
        int[] target = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        for (int dy = 0; dy < dh; dy++) {
            for (int dx = 0; dx < dw; dx++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { // mirrored left to right
                        sx = w - 1 - dx;
                        sy = dy;
                    }
                    case 3 -> { // upside down
                        sx = w - 1 - dx;
                        sy = h - 1 - dy;
                    }
                    case 4 -> { // mirrored top to bottom
                        sx = dx;
                        sy = h - 1 - dy;
                    }
                    case 5 -> { // transposed
                        sx = dy;
                        sy = dx;
                    }
                    case 6 -> { // turned a quarter clockwise to be seen
                        sx = dy;
                        sy = h - 1 - dx;
                    }
                    case 7 -> { // transversed
                        sx = w - 1 - dy;
                        sy = h - 1 - dx;
                    }
                    default -> { // 8: turned a quarter anticlockwise to be seen
                        sx = w - 1 - dy;
                        sy = dx;
                    }
                }
                target[dy * dw + dx] = source[sy * w + sx];
            }
        }
        return result;
    }

    private static int[] pixels(BufferedImage image) {
        if (image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getOffset() == 0 && image.getRaster().getMinX() == 0 && image.getRaster().getMinY() == 0
                && buffer.getData().length == image.getWidth() * image.getHeight()) {
            return buffer.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
