package app.smallwins.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Lays the report's XHTML out as a PDF with openhtmltopdf on Apache PDFBox: the bundled fonts
 * embedded (subsets), tagged for screen readers (PDF/UA), right-to-left runs reordered and
 * Arabic letters joined by ICU. Nothing is fetched: the page carries its images, and every
 * other address resolves to nothing.
 */
final class ReportPdf {

    private ReportPdf() {
    }

    static void write(String xhtml, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Small Wins");
        for (ReportFonts.Face face : ReportFonts.FACES) {
            builder.useFont(face::open, face.family(), face.weight(), BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
        builder.useUriResolver((base, uri) -> uri != null && uri.startsWith("data:") ? uri : null);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
