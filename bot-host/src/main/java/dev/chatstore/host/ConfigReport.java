package dev.chatstore.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.chatstore.storage.spi.StorageConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code check-config} found valid: where the config and plugins are, the sources and the routing table.
 *
 * @param configFile      the TOML file, or null in the single-file form
 * @param dbFile          the single database file, or null
 * @param plugins         "id version (state, path)" per plugin
 * @param types           the storage types the plugins provide
 * @param onSourceFailure what fan-out reads do when a source fails: {@code skip} or {@code fail}
 * @param chatMapping     the mapped chats in config order; every other chat goes to {@code defaultSource}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigReport(String configFile, String dbFile, String pluginsDir, List<String> plugins,
                           List<String> types, String defaultSource, String onSourceFailure, List<SourceRow> sources,
                           List<MappingRow> chatMapping) {
    /** One mapped chat. */
    public record MappingRow(long chatId, String source, boolean readonly) {
    }

    static ConfigReport of(HostRuntime runtime) {
        StorageConfig config = runtime.config();
        ConfigChoice choice = runtime.setup().choice();
        List<SourceRow> sources = config.sources().stream()
                .map(source -> SourceRow.of(source, runtime.status(source.name())))
                .toList();
        List<MappingRow> mapping = config.chatMapping().entrySet().stream()
                .map(entry -> new MappingRow(entry.getKey(), entry.getValue(), config.isReadonly(entry.getValue())))
                .toList();
        return new ConfigReport(text(choice.configFile()), text(choice.dbFile()), runtime.pluginsDir().toString(),
                runtime.pluginDescriptions(), runtime.providerTypes(), config.defaultSource(),
                config.onSourceFailure().value(), sources, mapping);
    }

    /** The readable report. */
    String format() {
        boolean readonlyDefault = sources.stream().filter(source -> source.name().equals(defaultSource))
                .anyMatch(SourceRow::readonly);
        StringBuilder out = new StringBuilder();
        out.append("Configuration OK: ").append(configFile != null ? configFile : "single database " + dbFile).append('\n');
        out.append("Plugins folder: ").append(pluginsDir).append('\n');
        plugins.forEach(plugin -> out.append("Plugin: ").append(plugin).append('\n'));
        out.append("Storage types: ").append(String.join(", ", types)).append("\n\n");
        TextTable sourceTable = SourceRow.table();
        sources.forEach(row -> row.addTo(sourceTable));
        out.append(sourceTable.render());
        SourceRow.notes(sources).forEach(note -> out.append(note).append('\n'));
        out.append('\n');
        out.append(String.format("Routing: default source '%s'; fan-out reads on a failing source: %s%n",
                defaultSource, onSourceFailure));
        TextTable routes = TextTable.of("CHAT", "SOURCE", "MODE");
        chatMapping.forEach(row -> routes.row(row.chatId(), row.source(), row.readonly() ? "ro" : "rw"));
        routes.row("(any other)", defaultSource, readonlyDefault ? "ro" : "rw");
        out.append(routes.render());
        return out.toString();
    }

    private static String text(Path path) {
        return path == null ? null : path.toString();
    }
}
