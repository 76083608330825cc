package app.smallwins.media.process;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Pixels in memory: into sRGB, onto white, down to a size, out to a file. Everything here
 * works on TYPE_INT_RGB or TYPE_INT_ARGB pictures in sRGB.
 */
final class Pictures {

    private Pictures() {
    }

    /**
     * The picture in sRGB as TYPE_INT_RGB, or TYPE_INT_ARGB when it has an alpha channel.
     * A picture in another colour space (an ICC profile from the file, CMYK) is converted
     * through its profile, so a Display P3 photo keeps its colours as far as sRGB can show
     * them. A grey picture without a profile is taken as it is stored (the JDK calls it linear
     * grey, but cameras and scanners mean sRGB's curve).
     */
    static BufferedImage srgb(BufferedImage source) {
        ColorModel model = source.getColorModel();
        int type = model.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        ColorSpace space = model.getColorSpace();
        boolean convert = !(model instanceof IndexColorModel) && !space.isCS_sRGB()
                && space != ColorSpace.getInstance(ColorSpace.CS_GRAY);
        if (!convert && source.getType() == type) {
            return source;
        }
        BufferedImage result = new BufferedImage(source.getWidth(), source.getHeight(), type);
        if (convert) {
            new ColorConvertOp(null).filter(source, result);
        } else {
            Graphics2D g = result.createGraphics();
            g.setComposite(AlphaComposite.Src);
            g.drawImage(source, 0, 0, null);
            g.dispose();
        }
        return result;
    }

    /**
     * The picture read as being in the profile's colour space, when the decoder took it for
     * sRGB (the JDK's PNG reader ignores a PNG's iCCP chunk). Pictures of other layouts, and
     * profiles that are not RGB or do not parse, are left as they are.
     */
    static BufferedImage inProfile(BufferedImage decoded, byte[] profile) {
        if (!(decoded.getColorModel() instanceof ComponentColorModel model) || !model.getColorSpace().isCS_sRGB()
                || model.getNumColorComponents() != 3) {
            return decoded;
        }
        try {
            ICC_Profile icc = ICC_Profile.getInstance(profile);
            if (icc.getColorSpaceType() != ColorSpace.TYPE_RGB) {
                return decoded;
            }
            ColorModel inProfile = new ComponentColorModel(new ICC_ColorSpace(icc), model.hasAlpha(),
                    model.isAlphaPremultiplied(), model.getTransparency(), model.getTransferType());
            return new BufferedImage(inProfile, decoded.getRaster(), model.isAlphaPremultiplied(), null);
        } catch (IllegalArgumentException e) {
            return decoded;
        }
    }

    /** Whether any pixel is less than fully opaque. */
    static boolean usesAlpha(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        for (int pixel : ((DataBufferInt) image.getRaster().getDataBuffer()).getData()) {
            if (pixel >>> 24 != 0xff) {
                return true;
            }
        }
        return false;
    }

    /** The picture as TYPE_INT_RGB, any transparency laid over white. */
    static BufferedImage onWhite(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return result;
    }

    /**
     * The opaque picture made to fit a square of {@code box} pixels, keeping its proportions
     * and never enlarged. It is halved (bilinear: each step averages two by two pixels) while it
     * stays at least twice the target, then brought to the target bicubically, so fine detail
     * is averaged rather than skipped over.
     */
    static BufferedImage fit(BufferedImage opaque, int box) {
        int w = opaque.getWidth();
        int h = opaque.getHeight();
        double scale = Math.min(1.0, Math.min((double) box / w, (double) box / h));
        int tw = Math.max(1, Math.min(box, (int) Math.round(w * scale)));
        int th = Math.max(1, Math.min(box, (int) Math.round(h * scale)));
        BufferedImage current = opaque;
        while (current.getWidth() / 2 >= tw && current.getHeight() / 2 >= th) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2,
                    RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (current.getWidth() != tw || current.getHeight() != th) {
            current = scaled(current, tw, th, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        }
        return current;
    }

    private static BufferedImage scaled(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return result;
    }

    /**
     * Writes an opaque picture as a baseline JPEG. The writer is given fresh metadata (its
     * defaults: a JFIF header and nothing else), never the upload's.
     */
    static void writeJpeg(BufferedImage opaque, Path file, float quality) throws IOException {
        ImageWriter writer = writer("jpeg");
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            write(writer, opaque, param, file);
        } finally {
            writer.dispose();
        }
    }

    /** Writes a picture as a PNG with fresh metadata: IHDR, the pixels and IEND, no text, EXIF or profile. */
    static void writePng(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = writer("png");
        try {
            write(writer, image, writer.getDefaultWriteParam(), file);
        } finally {
            writer.dispose();
        }
    }

    private static void write(ImageWriter writer, BufferedImage image, ImageWriteParam param, Path file) throws IOException {
        var metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        }
    }

    private static ImageWriter writer(String format) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
        if (!writers.hasNext()) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return writers.next();
    }
}
