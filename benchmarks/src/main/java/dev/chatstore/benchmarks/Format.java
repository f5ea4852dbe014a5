package dev.chatstore.benchmarks;

import dev.chatstore.benchmarks.JmhResults.Metric;

import java.util.Locale;

/** Number formatting for the report: rates with thousands separators, times in the unit that reads best. */
final class Format {
    private Format() {
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String time(Metric metric) {
        return time(metric.score(), metric.unit());
    }

    /** A time in a JMH unit ("ns/op", "us/op", "ms/op", "s/op" or without "/op"), written as ns, µs, ms or s. */
    static String time(double value, String unit) {
        double ns = nanos(value, unit);
        if (ns < 1_000) {
            return String.format(Locale.ROOT, "%.0f ns", ns);
        }
        if (ns < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f µs", ns / 1_000);
        }
        if (ns < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1_000_000);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1_000_000_000);
    }

    static double nanos(double value, String unit) {
        String base = unit.replace("/op", "");
        return switch (base) {
            case "ns" -> value;
            case "us" -> value * 1e3;
            case "ms" -> value * 1e6;
            case "s" -> value * 1e9;
            case "min" -> value * 60e9;
            default -> throw new IllegalArgumentException("Not a time unit: " + unit);
        };
    }

    static double seconds(double value, String unit) {
        return nanos(value, unit) / 1e9;
    }

    /** Operations per second from a rate in any JMH unit ("ops/s", "ops/us", "ops/ms"). */
    static double perSecond(double value, String unit) {
        String per = unit.substring(unit.indexOf('/') + 1);
        return value * 1e9 / nanos(1, per);
    }

    /** "± error" in the metric's own terms, or empty when JMH gave none (a single iteration). */
    static String error(Metric metric) {
        if (Double.isNaN(metric.error())) {
            return "";
        }
        return metric.unit().startsWith("ops") ? "± " + rate(perSecond(metric.error(), metric.unit()))
                : "± " + time(metric.error(), metric.unit());
    }
}
