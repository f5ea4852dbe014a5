package dev.chatstore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The JSON that {@code java -jar benchmarks.jar -rf json} writes, indexed by {@code Class.method}. */
final class JmhResults {
    /** One metric: a score with its error (NaN when JMH gives none) and, for sampled modes, percentiles. */
    record Metric(double score, double error, String unit, Map<String, Double> percentiles, long samples) {
        /** The percentile as JMH names it ("50.0", "99.0"), in the metric's unit. */
        double percentile(String name) {
            Double value = percentiles.get(name);
            if (value == null) {
                throw new IllegalStateException("No percentile " + name + " in " + percentiles.keySet());
            }
            return value;
        }
    }

    record Result(String name, String mode, int threads, Metric primary, Map<String, Metric> secondary,
                  Map<String, String> params, JsonNode json) {
        Optional<Metric> secondary(String name) {
            return Optional.ofNullable(secondary.get(name));
        }
    }

    private final Map<String, Result> results = new LinkedHashMap<>();
    private final JsonNode first;

    private JmhResults(JsonNode root) {
        this.first = root.size() > 0 ? root.get(0) : null;
        for (JsonNode node : root) {
            String full = node.get("benchmark").asText();
            String[] parts = full.split("\\.");
            String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
            Map<String, Metric> secondary = new LinkedHashMap<>();
            node.path("secondaryMetrics").fields().forEachRemaining(e -> secondary.put(e.getKey(), metric(e.getValue())));
            Map<String, String> params = new LinkedHashMap<>();
            node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            results.put(name, new Result(name, node.get("mode").asText(), node.path("threads").asInt(1),
                    metric(node.get("primaryMetric")), secondary, params, node));
        }
    }

    static JmhResults read(Path file) throws IOException {
        return new JmhResults(new ObjectMapper().readTree(file.toFile()));
    }

    Optional<Result> get(String name) {
        return Optional.ofNullable(results.get(name));
    }

    Map<String, Result> all() {
        return results;
    }

    /** A run-wide field such as {@code jdkVersion}, {@code vmName} or {@code jvmArgs}, from the first benchmark. */
    String runField(String field) {
        if (first == null || !first.has(field)) {
            return "unknown";
        }
        JsonNode value = first.get(field);
        return value.isArray() ? value.toString() : value.asText();
    }

    private static Metric metric(JsonNode node) {
        Map<String, Double> percentiles = new LinkedHashMap<>();
        node.path("scorePercentiles").fields().forEachRemaining(e -> percentiles.put(e.getKey(), e.getValue().asDouble()));
        long samples = 0;
        for (JsonNode fork : node.path("rawDataHistogram")) {
            for (JsonNode iteration : fork) {
                for (JsonNode bucket : iteration) {
                    samples += bucket.get(1).asLong();
                }
            }
        }
        JsonNode error = node.get("scoreError");
        return new Metric(node.get("score").asDouble(), error == null || !error.isNumber() ? Double.NaN
                : error.asDouble(), node.get("scoreUnit").asText(), percentiles, samples);
    }
}
