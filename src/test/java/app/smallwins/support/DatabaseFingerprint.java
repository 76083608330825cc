package app.smallwins.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import app.smallwins.audit.ReadLogWriter;
import app.smallwins.progress.ProgressService;

/**
 * A cheap fingerprint of every table in the test schema: its row count and the newest
 * transaction id that wrote one of its rows. Any insert, update or delete changes it; a
 * rolled-back write does not. Reads are logged asynchronously, so their batch is flushed first.
 * The tables only background jobs write are left out, as they change on their own clock: the
 * notification queue's (planning from earlier accepted requests, sending, the digest round),
 * the gap round's and the event retention's marks. So are the access log's reads of a weekly
 * summary e-mail, which the queue sends on the person's summary day at whatever moment it
 * comes (a Friday evening's CI run saw two land among refused requests).
 */
public final class DatabaseFingerprint {

    private static final String BACKGROUND_READS = " where action <> '" + ProgressService.WEEKLY_EMAIL_READ + "'";

    private final DataSource dataSource;
    private final ReadLogWriter reads;
    private String query;

    public DatabaseFingerprint(DataSource dataSource, ReadLogWriter reads) {
        this.dataSource = dataSource;
        this.reads = reads;
    }

    public String take() {
        reads.flush();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (query == null) {
                query = unionOverTables(statement);
            }
            StringBuilder out = new StringBuilder();
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    out.append(rows.getString(1)).append('=').append(rows.getLong(2)).append('@')
                            .append(rows.getLong(3)).append(' ');
                }
            }
            return out.toString().trim();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not fingerprint the test schema", e);
        }
    }

    private static String unionOverTables(Statement statement) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type = 'BASE TABLE'
                  and table_name not in ('scheduled_tasks', 'notification', 'notification_planner',
                                         'notification_digest_day', 'gap_watch_round', 'live_event_horizon')
                order by table_name""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("No tables in the current schema");
        }
        return tables.stream()
                .map(t -> "select '%1$s', count(*), coalesce(max(xmin::text::bigint), 0) from \"%1$s\"%2$s"
                        .formatted(t, t.equals("access_log") ? BACKGROUND_READS : ""))
                .collect(Collectors.joining(" union all "));
    }

    /** The tables whose part of two fingerprints differs, for a readable failure. */
    public static String difference(String before, String after) {
        List<String> a = List.of(before.split(" "));
        List<String> b = List.of(after.split(" "));
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                changed.add(a.get(i) + " -> " + b.get(i).substring(b.get(i).indexOf('=') + 1));
            }
        }
        return String.join(", ", changed);
    }
}
