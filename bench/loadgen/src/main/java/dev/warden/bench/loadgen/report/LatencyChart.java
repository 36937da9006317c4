package dev.warden.bench.loadgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's chart: W1's latency (p99 above, p50 below, log scale) against load, one series per target. Lines are
 * the open loop at an offered rate (the steady 500 req/s run and the first attempt of each saturation step; a
 * step's confirmation would only draw the line back on itself); points are the closed loop at the throughput it
 * achieved.
 */
final class LatencyChart {

    static final int WIDTH = 1100;
    static final int HEIGHT = 800;

    static {
        // The report runs on machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final String CLOSED_LOOP = " (closed loop)";

    private final JsonNode report;

    /** @param report the report's JSON: its workloads, saturation and closedLoop sections */
    LatencyChart(JsonNode report) {
        this.report = report;
    }

    void writePng(Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart(), WIDTH, HEIGHT);
    }

    JFreeChart chart() {
        // Log scale: the closed loop's direct and nginx points sit near 18,000 req/s, the gateways' knees near 2,000.
        LogAxis load = new LogAxis("load, req/s (log): offered (open loop, lines) or achieved (closed loop, points)");
        doublingTicks(load);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(load);
        plot.setGap(12);
        plot.add(latencyPlot("p99", latency -> latency.path("p99"), step -> step.path("p99Ms")));
        XYPlot median = latencyPlot("p50", latency -> latency.path("p50"), step -> step.path("p50Ms"));
        // Both halves have the same series; one legend is enough.
        median.setFixedLegendItems(new LegendItemCollection());
        plot.add(median);
        JFreeChart chart = new JFreeChart("W1 latency against load (one vendor at 20 ms)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.addSubtitle(new TextTitle("open loop: latency from each request's intended send time; closed loop: wrk",
                new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private XYPlot latencyPlot(String percentile, Function<JsonNode, JsonNode> ofLatency,
                               Function<JsonNode, JsonNode> ofStep) {
        LogAxis axis = new LogAxis(percentile + " latency, ms (log)");
        doublingTicks(axis);
        axis.setSmallestValue(0.1);
        XYPlot plot = new XYPlot();
        plot.setRangeAxis(axis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDataset(0, openLoop(ofLatency, ofStep));
        plot.setRenderer(0, renderer(plot.getDataset(0), true));
        plot.setDataset(1, closedLoop(ofLatency));
        plot.setRenderer(1, renderer(plot.getDataset(1), false));
        return plot;
    }

    /**
     * A tick at every doubling (16, 32, 64 ms; 512, 1,024, 2,048 req/s): a decade per tick would leave the 20-30 ms
     * band that W1 is about, and the gateways' knees, without a label.
     */
    private static void doublingTicks(LogAxis axis) {
        axis.setTickUnit(new NumberTickUnit(Math.log10(2)));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0"));
    }

    private XYSeriesCollection openLoop(Function<JsonNode, JsonNode> ofLatency, Function<JsonNode, JsonNode> ofStep) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (BenchTarget target : BenchTarget.values()) {
            XYSeries series = new XYSeries(target.displayName);
            JsonNode steady = report.path("workloads").path("W1-" + target.key).path("median");
            add(series, steady.path("targetRate"), ofLatency.apply(steady.path("latencyMs")));
            for (JsonNode step : report.path("saturation").path("SAT-" + target.key).path("steps")) {
                if (!step.path("confirmation").asBoolean()) {
                    add(series, step.path("targetRate"), ofStep.apply(step));
                }
            }
            if (series.getItemCount() > 0) {
                dataset.addSeries(series);
            }
        }
        return dataset;
    }

    private XYSeriesCollection closedLoop(Function<JsonNode, JsonNode> ofLatency) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        for (BenchTarget target : BenchTarget.values()) {
            XYSeries series = new XYSeries(target.displayName + CLOSED_LOOP);
            for (JsonNode row : report.path("closedLoop")) {
                if (row.path("target").asText().equals(target.key)) {
                    add(series, row.path("requestsPerSecond"), ofLatency.apply(row.path("latencyMs")));
                }
            }
            if (series.getItemCount() > 0) {
                dataset.addSeries(series);
            }
        }
        return dataset;
    }

    /** A point only where both coordinates were measured; a latency of 0 has no place on a log scale. */
    private static void add(XYSeries series, JsonNode x, JsonNode latencyMs) {
        if (x.isNumber() && latencyMs.isNumber() && latencyMs.asDouble() > 0) {
            series.add(x.asDouble(), latencyMs.asDouble());
        }
    }

    private static XYLineAndShapeRenderer renderer(XYDataset dataset, boolean lines) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(lines, true);
        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            renderer.setSeriesPaint(series, colorOf(dataset.getSeriesKey(series).toString()));
            renderer.setSeriesStroke(series, new BasicStroke(2f));
            renderer.setSeriesShape(series, lines ? new Ellipse2D.Double(-3, -3, 6, 6)
                    : new Rectangle2D.Double(-5, -5, 10, 10));
        }
        return renderer;
    }

    private static Color colorOf(String seriesKey) {
        for (BenchTarget target : BenchTarget.values()) {
            if (seriesKey.startsWith(target.displayName)) {
                return target.color;
            }
        }
        return Color.BLACK;
    }
}
