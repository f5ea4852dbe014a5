package dev.chatstore.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatstore.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built host with both plugins on a real PostgreSQL server: a config mixing SQLite and PostgreSQL sources
 * (check-config, ingest, chats, route), two host processes ingesting overlapping files into one PostgreSQL source at
 * once with exact counts, and a password that never shows.
 */
class PostgresHostIT {
    private static final String SECRET = "s3cr3t-Pa55word-never-shown";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostgresServer server = PostgresServer.shared();

    @TempDir
    Path dir;

    @Test
    void aMixedSqliteAndPostgresConfigValidatesIngestsListsAndRoutes() throws Exception {
        Path plugins = PostgresHosts.bothPlugins(dir);
        String schema = PostgresServer.freshSchema();
        Path samples = Path.of(System.getProperty("reliability.rootdir", "..")).toAbsolutePath().resolve(
                "samples/telegram-updates.jsonl");
        // The archive: a SQLite file written first, then mounted readonly beside the PostgreSQL primary.
        Files.writeString(dir.resolve("archive-writer.toml"), """
                [database]
                default = "archive"

                [database.sources.archive]
                path = "archive.db"
                """);
        PostgresHosts.run(dir, Map.of(), "--config", "archive-writer.toml", "--plugins", plugins.toString(),
                "ingest", PostgresHosts.updates(dir.resolve("old.jsonl"), 1, 11, 1, 2).toString()).exits(0);
        Files.writeString(dir.resolve("bot.toml"), """
                [database]
                default = "primary"

                [database.sources.primary]
                type = "postgres"
                url = "%s"
                user = "postgres"
                password-env = "CHATSTORE_TEST_PASSWORD"
                schema = "%s"
                pool-size = 4
                timeout = 10.0

                [database.sources.archive]
                path = "archive.db"
                readonly = true

                [database.chatMapping]
                -1001000000000 = "archive"
                """.formatted(server.url(), schema));
        Map<String, String> env = Map.of("CHATSTORE_TEST_PASSWORD", SECRET);

        HostProcess.Result check = PostgresHosts.run(dir, env, "--config", "bot.toml", "--plugins",
                plugins.toString(), "check-config").exits(0);
        assertThat(check.out()).contains("primary", "archive", "postgres", "sqlite");
        PostgresHosts.assertNoSecret(check, SECRET);
        assertThat(tables(schema)).as("check-config creates nothing").isZero();

        HostProcess.Result ingest = PostgresHosts.run(dir, env, "--config", "bot.toml", "--plugins",
                plugins.toString(), "ingest", samples.toString()).exits(0);
        PostgresHosts.assertNoSecret(ingest, SECRET);
        assertThat(count(schema, "chat_messages")).as("the sample's 60 messages, none of them archived")
                .isEqualTo(60);

        HostProcess.Result chats = PostgresHosts.run(dir, env, "--config", "bot.toml", "--plugins",
                plugins.toString(), "chats", "--json").exits(0);
        List<String> sources = new ArrayList<>();
        for (JsonNode row : JSON.readTree(chats.out())) {
            sources.add(row.path("source").asText());
        }
        assertThat(sources).as("group chats from both sources, merged").contains("primary", "archive");

        HostProcess.Result archived = PostgresHosts.run(dir, env, "--config", "bot.toml", "--plugins",
                plugins.toString(), "route", "--chat", "-1001000000000", "--write").exits(0);
        assertThat(archived.out()).contains("archive").contains("refused");
        HostProcess.Result routed = PostgresHosts.run(dir, env, "--config", "bot.toml", "--plugins",
                plugins.toString(), "route", "--chat", "-1001234567890", "--write").exits(0);
        assertThat(routed.out()).contains("primary").doesNotContain("refused");

        HostProcess.Result status = PostgresHosts.run(dir, env, "--config", "bot.toml", "--plugins",
                plugins.toString(), "sources", "--json").exits(0);
        PostgresHosts.assertNoSecret(status, SECRET);
        assertThat(status.out()).contains("chatstore-pg-");
    }

    @Test
    void twoHostsIngestingOverlappingFilesAtOnceStoreEachMessageOnceAndCountExactly() throws Exception {
        Path plugins = PostgresHosts.bothPlugins(dir);
        String schema = PostgresServer.freshSchema();
        Files.writeString(dir.resolve("bot.toml"), """
                [database.sources.default]
                type = "postgres"
                url = "%s"
                user = "postgres"
                schema = "%s"
                """.formatted(server.url(), schema));
        int chats = 7;
        int users = 13;
        Path first = PostgresHosts.updates(dir.resolve("first.jsonl"), 0, 3000, chats, users);
        Path second = PostgresHosts.updates(dir.resolve("second.jsonl"), 1500, 4500, chats, users);

        PostgresHosts.Running one = PostgresHosts.start(dir, Map.of(), "--config", "bot.toml", "--plugins",
                plugins.toString(), "ingest", first.toString());
        PostgresHosts.Running two = PostgresHosts.start(dir, Map.of(), "--config", "bot.toml", "--plugins",
                plugins.toString(), "ingest", second.toString());
        one.await().exits(0);
        two.await().exits(0);

        assertThat(count(schema, "chat_messages")).isEqualTo(4500);
        assertThat(scalar("SELECT count(*) FROM (SELECT chat_id, message_id FROM " + schema + ".chat_messages "
                + "GROUP BY 1, 2 HAVING count(*) > 1) d")).isZero();
        assertThat(scalar("SELECT sum(messages_count) FROM " + schema + ".chat_users")).isEqualTo(4500);
        assertThat(scalar("SELECT count(*) FROM " + schema + ".chat_users u WHERE messages_count <> (SELECT count(*) "
                + "FROM " + schema + ".chat_messages m WHERE m.chat_id = u.chat_id AND m.user_id = u.user_id)"))
                .as("members whose counter differs from their stored messages").isZero();
        assertThat(scalar("SELECT sum(messages_count) FROM " + schema + ".chat_stats")).isEqualTo(4500);
        assertThat(scalar("SELECT sum(messages_count) FROM " + schema + ".chat_user_stats")).isEqualTo(4500);
        assertThat(scalar("SELECT count(*) FROM " + schema + ".chat_stats s WHERE messages_count <> (SELECT count(*) "
                + "FROM " + schema + ".chat_messages m WHERE m.chat_id = s.chat_id AND date_trunc('day', m.date "
                + "AT TIME ZONE 'UTC') = s.date AT TIME ZONE 'UTC')")).as("daily counters that differ").isZero();
    }

    @Test
    void passwordsNeverShowAndAPasswordInTheFileIsWarnedAbout() throws Exception {
        Path plugins = PostgresHosts.bothPlugins(dir);
        String schema = PostgresServer.freshSchema();
        Files.writeString(dir.resolve("literal.toml"), """
                [database.sources.default]
                type = "postgres"
                url = "%s"
                user = "postgres"
                password = "%s"
                schema = "%s"
                """.formatted(server.url(), SECRET, schema));
        HostProcess.Result literal = PostgresHosts.run(dir, Map.of(), "--config", "literal.toml", "--plugins",
                plugins.toString(), "check-config").exits(0);
        assertThat(literal.err()).contains("Source 'default': the database password is written in the config file",
                "password-env");
        PostgresHosts.assertNoSecret(literal, SECRET);

        Files.writeString(dir.resolve("env.toml"), """
                [database.sources.default]
                type = "postgres"
                url = "%s"
                user = "postgres"
                password-env = "CHATSTORE_TEST_PASSWORD"
                schema = "%s"
                """.formatted(server.url(), schema));
        HostProcess.Result unset = PostgresHosts.run(dir, Map.of(), "--config", "env.toml", "--plugins",
                plugins.toString(), "check-config").exits(2);
        assertThat(unset.err()).contains("'CHATSTORE_TEST_PASSWORD'", "password-env", "not set");

        Files.writeString(dir.resolve("down.toml"), """
                [database.sources.default]
                type = "postgres"
                url = "jdbc:postgresql://127.0.0.1:1/postgres"
                user = "postgres"
                password-env = "CHATSTORE_TEST_PASSWORD"
                timeout = 1.0
                """);
        HostProcess.Result down = PostgresHosts.run(dir, Map.of("CHATSTORE_TEST_PASSWORD", SECRET), "--config",
                "down.toml", "--plugins", plugins.toString(), "sources").exits(2);
        assertThat(down.errorLine()).contains("Source 'default' (jdbc:postgresql://127.0.0.1:1/postgres schema "
                + "chatstore)").contains("Connection to 127.0.0.1:1 refused");
        PostgresHosts.assertNoSecret(down, SECRET);

        // pgjdbc also takes a password in the url's query string: it is never shown either, up or down.
        Files.writeString(dir.resolve("query.toml"), """
                [database.sources.default]
                type = "postgres"
                url = "%s?user=postgres&password=%s"
                schema = "%s"
                """.formatted(server.url(), SECRET, schema));
        HostProcess.Result listed = PostgresHosts.run(dir, Map.of(), "--config", "query.toml", "--plugins",
                plugins.toString(), "sources", "--count").exits(0);
        assertThat(listed.out()).as("the listing cuts long paths").contains(server.url() + " schema ");
        PostgresHosts.assertNoSecret(listed, SECRET);
        Files.writeString(dir.resolve("query-down.toml"), """
                [database.sources.default]
                type = "postgres"
                url = "jdbc:postgresql://127.0.0.1:1/postgres?user=postgres&password=%s"
                timeout = 1.0
                """.formatted(SECRET));
        HostProcess.Result queryDown = PostgresHosts.run(dir, Map.of(), "--config", "query-down.toml", "--plugins",
                plugins.toString(), "sources").exits(2);
        assertThat(queryDown.errorLine()).contains("(jdbc:postgresql://127.0.0.1:1/postgres schema chatstore)");
        PostgresHosts.assertNoSecret(queryDown, SECRET);

        Files.writeString(dir.resolve("typo.toml"), """
                [database.sources.default]
                type = "postgres"
                urll = "%s"
                """.formatted(server.url()));
        HostProcess.Result typo = PostgresHosts.run(dir, Map.of(), "--config", "typo.toml", "--plugins",
                plugins.toString(), "check-config").exits(2);
        assertThat(typo.err()).contains("'urll'", "did you mean 'url'", "missing required 'url'");
    }

    private long count(String schema, String table) throws Exception {
        return scalar("SELECT count(*) FROM " + schema + "." + table);
    }

    private long tables(String schema) throws Exception {
        return scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'");
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = server.admin().getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
