package app.smallwins.media.process;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;

/**
 * The few pieces read from an image file's structure before (or beside) decoding it: the EXIF
 * block (for its orientation), a PNG's ICC profile, a HEIF's declared picture size. Each read
 * is bounded, and a piece that is missing or broken is simply absent.
 */
final class Containers {

    /** The most read of one EXIF block or ICC profile (real ones are well under this). */
    static final int MAX_BLOCK = 1 << 20;
    /** The most read of a HEIF's meta box, where the picture sizes are declared. */
    private static final int MAX_HEIF_META = 4 << 20;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Containers() {
    }

    /** The EXIF block (a TIFF structure) of a JPEG, PNG or WebP file. */
    static Optional<byte[]> exif(Path file, Format format) throws IOException {
        return switch (format) {
            case JPEG -> jpegExif(file);
            case PNG -> pngChunk(file, "eXIf");
            case WEBP -> webpChunk(file, "EXIF");
            default -> Optional.empty();
        };
    }

    private static Optional<byte[]> jpegExif(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream data = segments.get(0).data()) {
                data.read(); // The identifier is "Exif" and two zero bytes; the reader stops at the first.
                return Optional.of(data.readNBytes(MAX_BLOCK));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The data of a PNG's first chunk of this type before the pixels (IDAT), if not larger than {@link #MAX_BLOCK}. */
    static Optional<byte[]> pngChunk(Path file, String type) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] signature = in.readNBytes(PNG_SIGNATURE.length);
            if (!Arrays.equals(signature, PNG_SIGNATURE)) {
                return Optional.empty();
            }
            while (true) {
                long length = Integer.toUnsignedLong(in.readInt());
                String chunk = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
                if (chunk.equals("IDAT") || chunk.equals("IEND")) {
                    return Optional.empty();
                }
                if (chunk.equals(type)) {
                    return length > MAX_BLOCK ? Optional.empty() : Optional.of(in.readNBytes((int) length));
                }
                in.skipNBytes(length + 4); // the data and its CRC
            }
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    /** A PNG's ICC profile: the iCCP chunk is a name, a zero, the compression method and the deflated profile. */
    static Optional<byte[]> pngIccProfile(Path file) throws IOException {
        Optional<byte[]> chunk = pngChunk(file, "iCCP");
        if (chunk.isEmpty()) {
            return Optional.empty();
        }
        byte[] data = chunk.get();
        int zero = 0;
        while (zero < data.length && data[zero] != 0) {
            zero++;
        }
        if (zero + 2 > data.length) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, zero + 2, data.length - zero - 2);
            ByteArrayOutputStream profile = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                profile.write(buffer, 0, n);
                if (profile.size() > MAX_BLOCK) {
                    return Optional.empty();
                }
            }
            return Optional.of(profile.toByteArray());
        } catch (DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }

    /** The data of a WebP's first RIFF chunk of this type, if not larger than {@link #MAX_BLOCK}. */
    private static Optional<byte[]> webpChunk(Path file, String type) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] header = in.readNBytes(12);
            if (header.length < 12 || !new String(header, 0, 4, StandardCharsets.ISO_8859_1).equals("RIFF")
                    || !new String(header, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP")) {
                return Optional.empty();
            }
            while (true) {
                byte[] chunkHeader = in.readNBytes(8);
                if (chunkHeader.length < 8) {
                    return Optional.empty();
                }
                String chunk = new String(chunkHeader, 0, 4, StandardCharsets.ISO_8859_1);
                long length = Integer.toUnsignedLong(ByteBuffer.wrap(chunkHeader, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
                if (chunk.equals(type)) {
                    return length > MAX_BLOCK ? Optional.empty() : Optional.of(in.readNBytes((int) length));
                }
                in.skipNBytes(length + (length & 1)); // chunks are padded to an even length
            }
        } catch (EOFException e) {
            return Optional.empty();
        }
    }

    /**
     * The largest picture a HEIF file declares (its 'ispe' properties: for a phone's photo the
     * full picture, whose tiles and thumbnail are smaller), read before anything decodes it.
     *
     * @return {width, height}
     */
    static Optional<long[]> heifLargestPicture(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file)) {
            long position = 0;
            long end = channel.size();
            while (position + 8 <= end) {
                ByteBuffer header = ByteBuffer.allocate(16);
                channel.read(header, position);
                header.flip();
                if (header.remaining() < 8) {
                    return Optional.empty();
                }
                long size = Integer.toUnsignedLong(header.getInt());
                String type = fourCc(header);
                int headerLength = 8;
                if (size == 1) {
                    if (header.remaining() < 8) {
                        return Optional.empty();
                    }
                    size = header.getLong();
                    headerLength = 16;
                } else if (size == 0) {
                    size = end - position;
                }
                if (size < headerLength || size > end - position) {
                    return Optional.empty();
                }
                if (type.equals("meta")) {
                    if (size > MAX_HEIF_META) {
                        return Optional.empty();
                    }
                    ByteBuffer meta = ByteBuffer.allocate((int) size - headerLength);
                    channel.read(meta, position + headerLength);
                    meta.flip();
                    // meta is a full box: a version and flags come before its children.
                    return largestIspe(meta, 4, meta.limit());
                }
                position += size;
            }
            return Optional.empty();
        }
    }

    private static Optional<long[]> largestIspe(ByteBuffer buffer, int from, int to) {
        long[] largest = null;
        int position = from;
        while (position + 8 <= to) {
            long size = Integer.toUnsignedLong(buffer.getInt(position));
            String type = fourCc(buffer, position + 4);
            if (size < 8 || size > to - position) {
                break;
            }
            int end = position + (int) size;
            if (type.equals("iprp") || type.equals("ipco")) {
                Optional<long[]> inner = largestIspe(buffer, position + 8, end);
                if (inner.isPresent() && (largest == null || pixels(inner.get()) > pixels(largest))) {
                    largest = inner.get();
                }
            } else if (type.equals("ispe") && size >= 20) {
                // A full box: version and flags, then the width and height.
                long[] picture = {Integer.toUnsignedLong(buffer.getInt(position + 12)),
                        Integer.toUnsignedLong(buffer.getInt(position + 16))};
                if (largest == null || pixels(picture) > pixels(largest)) {
                    largest = picture;
                }
            }
            position = end;
        }
        return Optional.ofNullable(largest);
    }

    private static long pixels(long[] picture) {
        return picture[0] * picture[1];
    }

    private static String fourCc(ByteBuffer buffer) {
        byte[] type = new byte[4];
        buffer.get(type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }

    private static String fourCc(ByteBuffer buffer, int at) {
        byte[] type = new byte[4];
        buffer.get(at, type);
        return new String(type, StandardCharsets.ISO_8859_1);
    }
}
