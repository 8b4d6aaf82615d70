package org.relief.letters;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.relief.outcomes.Exposure;
import org.relief.outcomes.OutcomeSeries;

/**
 * Charts for the PDFs, drawn on the server with JFreeChart (no browser) into PNG images (RGB, no transparency, as
 * PDF/A wants), from the same data the screen charts show: the outcome series and the therapy bands of
 * {@code outcomes.OutcomesService}. The same data give the same image.
 */
final class Charts {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 420;
    private static final Color[] BANDS = {
        new Color(0xDCEBFA), new Color(0xE3F4DF), new Color(0xFBEBD3), new Color(0xEDE1F5)
    };

    private Charts() {}

    /** The trajectory of one measure with each therapy as a shaded band from its start to its stop (or the end). */
    static String trajectory(OutcomeSeries series, List<Exposure> exposures, String measureLabel) {
        TimeSeries ts = new TimeSeries(measureLabel);
        for (OutcomeSeries.Reading r : series.readings()) {
            ts.addOrUpdate(day(r.date()), r.value());
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                null,
                null,
                measureLabel,
                new TimeSeriesCollection(ts, java.util.TimeZone.getTimeZone("UTC")),
                false,
                false,
                false);
        XYPlot plot = chart.getXYPlot();
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, series.size() < 60);
        line.setSeriesPaint(0, new Color(0x1F4E79));
        line.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(line);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        LocalDate end = series.readings().isEmpty()
                ? LocalDate.now(ZoneOffset.UTC)
                : series.readings().get(series.size() - 1).date();
        int i = 0;
        for (Exposure e : exposures) {
            LocalDate stop = e.stop() != null ? e.stop() : end.plusDays(1);
            IntervalMarker band = new IntervalMarker(millis(e.start()), millis(stop));
            band.setPaint(BANDS[i++ % BANDS.length]);
            band.setLabel(e.therapy());
            band.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
            band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(band, Layer.BACKGROUND);
        }
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new java.text.SimpleDateFormat("yyyy-MM-dd"));
        ((DateAxis) plot.getDomainAxis()).getDateFormatOverride().setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        ((DateAxis) plot.getDomainAxis()).setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        return png(chart);
    }

    /** Bars: a value per category (responder rates per therapy, in %). */
    static String bars(List<String> categories, List<Double> values, String axis) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < categories.size(); i++) {
            data.addValue(values.get(i), axis, categories.get(i));
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, axis, data);
        style(chart);
        chart.removeLegend();
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setSeriesPaint(0, new Color(0x1F4E79));
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 100);
        return png(chart);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBorderVisible(false);
    }

    private static String png(JFreeChart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static Day day(LocalDate d) {
        return new Day(
                java.util.Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                java.util.TimeZone.getTimeZone("UTC"),
                java.util.Locale.ENGLISH);
    }

    private static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
