package dev.chatstore.reliability;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A second process that holds an SQLite file locked: {@code BEGIN EXCLUSIVE} plus a write, then it prints
 * {@code LOCKED} and keeps the transaction open until its standard input closes (or a line arrives), then rolls back.
 * Exits by itself after two minutes in case its parent died.
 */
public final class LockHolder {
    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5_000);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + args[0]);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            statement.executeUpdate("INSERT INTO settings (key, value) VALUES ('lock-holder', 'x') "
                    + "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
            System.out.println("LOCKED");
            System.out.flush();
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    return;
                }
                System.exit(3);
            });
            watchdog.setDaemon(true);
            watchdog.start();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            statement.execute("ROLLBACK");
        }
    }
}
