package io.mqttharness.reports.bench;

import io.mqttharness.reports.bench.BenchResults.RatePoint;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The latency percentile distribution of a rate step, for plotting on a log percentile axis: decoded from the
 * step's compressed HdrHistogram when it has one, otherwise the few percentiles the step states.
 */
public final class LatencyDistribution {
    /** Steps per halving of the remaining tail, as HdrHistogram's own percentile output uses. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private LatencyDistribution() {
    }

    /**
     * A point of the distribution.
     *
     * @param percentile 0..100
     * @param micros latency at that percentile
     */
    public record Point(double percentile, long micros) {
        /** Position on the "1 in N" axis: 1 / (1 - percentile/100); 10 is p90, 1000 is p99.9. */
        public double inverseTail() {
            return 1.0 / (1.0 - percentile / 100.0);
        }
    }

    /**
     * The distribution of a step; the percentile is below 100 for every point, and the largest value is placed at
     * the last percentile the sample size can resolve (1 - 1/count), so that a log axis can show it.
     */
    public static List<Point> of(RatePoint step) {
        if (step.encodedHistogram() != null && !step.encodedHistogram().isBlank()) {
            try {
                return fromHistogram(decode(step.encodedHistogram()));
            } catch (IllegalArgumentException e) {
                // fall through: a damaged histogram still leaves the stated percentiles
            }
        }
        List<Point> points = new ArrayList<>();
        points.add(new Point(50, step.p50Micros()));
        points.add(new Point(90, step.p90Micros()));
        points.add(new Point(99, step.p99Micros()));
        points.add(new Point(99.9, step.p999Micros()));
        long count = Math.max(step.received(), 0);
        if (count > 1000) {
            points.add(new Point(100.0 * (1.0 - 1.0 / count), step.maxMicros()));
        }
        return points;
    }

    /** Decodes a base64, compressed HdrHistogram; IllegalArgumentException when it is not one. */
    public static Histogram decode(String base64) {
        try {
            byte[] bytes = Base64.getDecoder().decode(base64.trim());
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("not a compressed HdrHistogram: " + e.getMessage(), e);
        }
    }

    /** Percentile points of a histogram, ascending. */
    public static List<Point> fromHistogram(Histogram h) {
        List<Point> points = new ArrayList<>();
        long count = h.getTotalCount();
        if (count == 0) {
            return points;
        }
        for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
            double p = v.getPercentileLevelIteratedTo();
            if (p >= 100.0) {
                break;
            }
            points.add(new Point(p, h.highestEquivalentValue(v.getValueIteratedTo())));
        }
        double last = count > 1 ? 100.0 * (1.0 - 1.0 / count) : 50.0;
        if (points.isEmpty() || points.get(points.size() - 1).percentile() < last) {
            points.add(new Point(last, h.getMaxValue()));
        }
        return points;
    }
}
