package io.jzmtp.perf.bench.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look every chart shares (log axes, one colour and marker per implementation) and writing SVG and PNG. */
final class ChartStyle {
    private static final int WIDTH = 960;
    private static final int HEIGHT = 600;
    private static final Color REFERENCE = new Color(0x70, 0x70, 0x70);
    private static final Color OTHER = new Color(0x8c, 0x56, 0x4b);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final String LOG_PATTERN = "#,##0.###";
    private static final Map<String, Color> COLOURS = Map.of(
        Cells.JZMTP, new Color(0x1f, 0x77, 0xb4),
        Cells.JZMTP_MSG, new Color(0x94, 0x67, 0xbd),
        Cells.JZMTP_BYTES, new Color(0x17, 0xbe, 0xcf),
        Cells.JZMTP_ZC, new Color(0xd6, 0x27, 0x28),
        Cells.JEROMQ, new Color(0xff, 0x7f, 0x0e),
        Cells.LIBZMQ, new Color(0x2c, 0xa0, 0x2c));
    private static final Map<String, Marker> MARKERS = Map.of(
        Cells.JZMTP, SeriesMarkers.CIRCLE,
        Cells.JZMTP_MSG, SeriesMarkers.DIAMOND,
        Cells.JZMTP_BYTES, SeriesMarkers.TRIANGLE_DOWN,
        Cells.JZMTP_ZC, SeriesMarkers.CROSS,
        Cells.JEROMQ, SeriesMarkers.SQUARE,
        Cells.LIBZMQ, SeriesMarkers.TRIANGLE_UP);

    private ChartStyle() {
    }

    /**
     * XChart draws log ticks only with its own labels (a label function turns an axis' ticks linear), so log axes
     * get a decimal pattern: "1", "100", "10,000".
     *
     * @param title chart title
     * @param xTitle x axis title
     * @param yTitle y axis title
     * @param logX whether the x axis is logarithmic
     * @return an empty chart with a logarithmic y axis, the legend below the plot
     */
    static XYChart chart(String title, String xTitle, String yTitle, boolean logX) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
            .yAxisTitle(yTitle).build();
        XYStyler s = chart.getStyler();
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
            .setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal)
            .setLegendBorderColor(Color.WHITE).setMarkerSize(8).setAntiAlias(true);
        s.setYAxisLogarithmic(true).setYAxisDecimalPattern(LOG_PATTERN).setPlotGridLinesColor(GRID);
        if (logX) {
            s.setXAxisLogarithmic(true).setXAxisDecimalPattern(LOG_PATTERN);
        }
        return chart;
    }

    /**
     * @param chart the chart
     * @param impl the implementation: picks its colour and marker
     * @param x x values
     * @param y y values
     * @return the series, drawn as a solid line with markers
     */
    static XYSeries implSeries(XYChart chart, String impl, double[] x, double[] y) {
        XYSeries s = chart.addSeries(impl, x, y);
        Color c = COLOURS.getOrDefault(impl, OTHER);
        s.setMarker(MARKERS.getOrDefault(impl, SeriesMarkers.CROSS));
        s.setMarkerColor(c);
        s.setLineColor(c);
        s.setLineWidth(2f);
        return s;
    }

    /**
     * @param chart the chart
     * @param name the legend text
     * @param x x values
     * @param y y values
     * @return the series, drawn as a grey dashed line without markers
     */
    static XYSeries referenceSeries(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(REFERENCE);
        s.setLineStyle(SeriesLines.DASH_DASH);
        s.setLineWidth(1.5f);
        return s;
    }

    /**
     * @param chart the chart
     * @param dir the directory
     * @param name the file name without extension
     * @return the SVG and the PNG written
     * @throws IOException if a file cannot be written
     */
    static List<Path> save(XYChart chart, Path dir, String name) throws IOException {
        Path svg = dir.resolve(name + ".svg");
        Path png = dir.resolve(name + ".png");
        try (OutputStream out = Files.newOutputStream(svg)) {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        }
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return List.of(svg, png);
    }

}
