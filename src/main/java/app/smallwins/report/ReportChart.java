package app.smallwins.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.progress.GoalProgressView;
import app.smallwins.progress.ReportGoal;

/**
 * A goal's weeks as a chart, for print in black and white: bars count the week's entries by
 * how much help was recorded (four bands, told apart by black, grey, a hatch and white), the
 * line is the week's independence score, the dashed line the goal's level. Drawn by JFreeChart
 * into a grey PNG at twice its printed size.
 */
final class ReportChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 190;
    private static final int SCALE = 2;
    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** The prompt ladder in four bands, most independent first. */
    private enum Band {
        NO_PROMPT("No prompt", Color.BLACK),
        LIGHT("Gesture or spoken reminder", new Color(0x777777)),
        SHOWN("Picture, or being shown", hatch()),
        HANDS_ON("Hands-on help", Color.WHITE);

        final String label;
        final Paint paint;

        Band(String label, Paint paint) {
            this.label = label;
            this.paint = paint;
        }

        static Band of(PromptLevel level) {
            return switch (level) {
                case INDEPENDENT -> NO_PROMPT;
                case GESTURAL, VERBAL -> LIGHT;
                case VISUAL, MODEL -> SHOWN;
                case PARTIAL_PHYSICAL, FULL_PHYSICAL -> HANDS_ON;
            };
        }
    }

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReportChart() {
    }

    /** The chart as PNG bytes. */
    static byte[] png(ReportGoal goal) {
        JFreeChart chart = chart(goal.weeks(), goal.figures().levelNeeded());
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static JFreeChart chart(List<GoalProgressView.BucketView> weeks, double levelNeeded) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset scores = new DefaultCategoryDataset();
        for (GoalProgressView.BucketView week : weeks) {
            String column = label(week);
            long[] counts = new long[Band.values().length];
            for (Map.Entry<PromptLevel, Long> e : week.byPromptLevel().entrySet()) {
                counts[Band.of(e.getKey()).ordinal()] += e.getValue();
            }
            for (Band band : Band.values()) {
                bars.addValue(counts[band.ordinal()], band.label, column);
            }
            scores.addValue(week.independenceScore(), "Independence score (right scale)", column);
        }
        CategoryAxis weeksAxis = new CategoryAxis("Week of");
        weeksAxis.setCategoryMargin(0.15);
        weeksAxis.setLowerMargin(0.01);
        weeksAxis.setUpperMargin(0.01);
        if (weeks.size() > 14) {
            weeksAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        NumberAxis countAxis = new NumberAxis("Entries");
        countAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        StackedBarRenderer barRenderer = new StackedBarRenderer();
        CategoryPlot plot = new CategoryPlot(bars, weeksAxis, countAxis, barRenderer);
        NumberAxis scoreAxis = new NumberAxis("Independence");
        scoreAxis.setRange(0, 1.05);
        plot.setRangeAxis(1, scoreAxis);
        plot.setDataset(1, scores);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ValueMarker level = new ValueMarker(levelNeeded, Color.BLACK,
                new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] { 6f, 4f }, 0f));
        level.setLabel("Goal's level");
        level.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        level.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        level.setLabelFont(ReportFonts.CHART.deriveFont(Font.PLAIN, 9f));
        plot.addRangeMarker(1, level, Layer.FOREGROUND);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xBBBBBB));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, ReportFonts.CHART.deriveFont(Font.BOLD, 12f), plot, true);
        theme().apply(chart);
        // After the theme, which clears series paints: black, grey, hatch, white; a black line over them.
        barRenderer.setBarPainter(new StandardBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(true);
        for (Band band : Band.values()) {
            barRenderer.setSeriesPaint(band.ordinal(), band.paint);
            barRenderer.setSeriesOutlinePaint(band.ordinal(), Color.BLACK);
            barRenderer.setSeriesOutlineStroke(band.ordinal(), new BasicStroke(0.6f));
        }
        line.setSeriesPaint(0, Color.BLACK);
        line.setSeriesStroke(0, new BasicStroke(2f));
        line.setSeriesShape(0, new Rectangle(-3, -3, 6, 6));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static String label(GoalProgressView.BucketView week) {
        return WEEK.format(week.start());
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("report", false);
        theme.setExtraLargeFont(ReportFonts.CHART.deriveFont(Font.BOLD, 12f));
        theme.setLargeFont(ReportFonts.CHART.deriveFont(Font.PLAIN, 10f));
        theme.setRegularFont(ReportFonts.CHART.deriveFont(Font.PLAIN, 9f));
        theme.setSmallFont(ReportFonts.CHART.deriveFont(Font.PLAIN, 8f));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    /** Diagonal black lines on white: a grey that survives a photocopier. */
    private static Paint hatch() {
        BufferedImage tile = new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = tile.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 6, 6);
        g.setColor(Color.BLACK);
        g.drawLine(0, 5, 5, 0);
        g.dispose();
        return new TexturePaint(tile, new Rectangle(0, 0, 6, 6));
    }
}
