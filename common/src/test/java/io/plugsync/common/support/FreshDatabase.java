package io.plugsync.common.support;

import io.plugsync.engines.PlugSyncTestEngines;
import io.plugsync.engines.PostgresEngine;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database of its own on the shared test PostgreSQL, migrated to the current schema: a test class
 * that writes freely without seeing (or disturbing) another's rows.
 */
public final class FreshDatabase implements AutoCloseable {
    private final String url;
    private final Pool pool;

    private FreshDatabase(String url, Pool pool) {
        this.url = url;
        this.pool = pool;
    }

    public static FreshDatabase create(String prefix) throws SQLException {
        String database = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = PlugSyncTestEngines.jdbc();
                Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        int port = PlugSyncTestEngines.engines().postgres().port();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        Flyway.configure()
                .dataSource(url, PostgresEngine.USER, PostgresEngine.PASSWORD)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        Pool pool = Pool.pool(
                new PgConnectOptions()
                        .setHost("127.0.0.1")
                        .setPort(port)
                        .setDatabase(database)
                        .setUser(PostgresEngine.USER)
                        .setPassword(PostgresEngine.PASSWORD),
                new PoolOptions().setMaxSize(4));
        return new FreshDatabase(url, pool);
    }

    /** A reactive pool on the database. */
    public Pool pool() {
        return pool;
    }

    /** A new JDBC connection to the database. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, PostgresEngine.USER, PostgresEngine.PASSWORD);
    }

    @Override
    public void close() {
        pool.closeAndAwait();
    }
}
