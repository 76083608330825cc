package app.smallwins.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fonts the report embeds, shipped in the jar so a PDF looks the same on every node and
 * renders any child's name: DejaVu Sans (Latin, Greek, Cyrillic and more), Noto Sans
 * Devanagari and Noto Sans Arabic, regular and bold (licences beside them). Read once.
 */
final class ReportFonts {

    /** A font file and the family and weight the report's CSS names it by. */
    record Face(String family, int weight, byte[] bytes) {

        InputStream open() {
            return new ByteArrayInputStream(bytes);
        }
    }

    /** The CSS font-family list: DejaVu first, the others for the letters it lacks. */
    static final String FAMILIES = "'DejaVu Sans', 'Noto Sans Devanagari', 'Noto Sans Arabic', sans-serif";

    static final List<Face> FACES = List.of(
            face("DejaVu Sans", 400, "DejaVuSans.ttf"),
            face("DejaVu Sans", 700, "DejaVuSans-Bold.ttf"),
            face("Noto Sans Devanagari", 400, "NotoSansDevanagari-Regular.ttf"),
            face("Noto Sans Devanagari", 700, "NotoSansDevanagari-Bold.ttf"),
            face("Noto Sans Arabic", 400, "NotoSansArabic-Regular.ttf"),
            face("Noto Sans Arabic", 700, "NotoSansArabic-Bold.ttf"));

    /** DejaVu Sans for the chart's words (AWT), so no system font is needed. */
    static final Font CHART = awt(FACES.get(0));

    private ReportFonts() {
    }

    private static Face face(String family, int weight, String file) {
        try (InputStream in = ReportFonts.class.getResourceAsStream("fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The report font " + file + " is missing from the jar");
            }
            return new Face(family, weight, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Font awt(Face face) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, face.open());
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("The report font " + face.family() + " cannot be read", e);
        }
    }
}
