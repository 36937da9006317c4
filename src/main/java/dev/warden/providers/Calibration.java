package dev.warden.providers;

import java.util.ArrayList;
import java.util.List;

import dev.warden.spi.InvalidSettingsException;

/**
 * A piecewise-linear map of one provider's scores for one category onto Warden's scale, written
 * {@code 0:0,0.7:0.9,1:1}: points {@code x:y}, x strictly increasing, y never decreasing (a higher raw score never
 * becomes a lower calibrated one), both in 0..1, at least two points. Between points the score is interpolated;
 * below the first x or above the last it takes the end point's y.
 */
public final class Calibration {

    private final double[] xs;
    private final double[] ys;

    private Calibration(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /** @param key the configuration key, named in every refusal */
    public static Calibration parse(String key, String raw) {
        List<double[]> points = new ArrayList<>();
        for (String point : raw.split(",", -1)) {
            points.add(point(key, point.trim()));
        }
        if (points.size() < 2) {
            throw invalid(key, "needs at least two points x:y, like 0:0,0.7:0.9,1:1");
        }
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
            if (i > 0 && xs[i] <= xs[i - 1]) {
                throw invalid(key, "must list its points by increasing x; " + xs[i] + " comes after " + xs[i - 1]);
            }
            if (i > 0 && ys[i] < ys[i - 1]) {
                throw invalid(key, "must never decrease: y " + ys[i] + " at x " + xs[i] + " is below " + ys[i - 1]);
            }
        }
        return new Calibration(xs, ys);
    }

    public double apply(double score) {
        if (score <= xs[0]) {
            return ys[0];
        }
        int last = xs.length - 1;
        if (score >= xs[last]) {
            return ys[last];
        }
        int upper = 1;
        while (xs[upper] < score) {
            upper++;
        }
        double fraction = (score - xs[upper - 1]) / (xs[upper] - xs[upper - 1]);
        return ys[upper - 1] + fraction * (ys[upper] - ys[upper - 1]);
    }

    private static double[] point(String key, String point) {
        int colon = point.indexOf(':');
        if (colon < 0) {
            throw invalid(key, "has '" + point + "' where a point x:y belongs");
        }
        return new double[] { coordinate(key, point, point.substring(0, colon)),
                coordinate(key, point, point.substring(colon + 1)) };
    }

    private static double coordinate(String key, String point, String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "has '" + point + "' where a point x:y of numbers belongs");
        }
        if (!(value >= 0 && value <= 1)) {
            throw invalid(key, "has '" + point + "': x and y must be between 0 and 1");
        }
        return value;
    }

    private static InvalidSettingsException invalid(String key, String problem) {
        return new InvalidSettingsException(key + " " + problem);
    }
}
