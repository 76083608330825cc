package app.smallwins.common.input;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * The time zones a child's record may name: IANA names that both Java and PostgreSQL know
 * ("Europe/London", "UTC"). Offsets ("+05:30", "UTC+5", "Z") are refused: PostgreSQL reads
 * POSIX-style offsets with the sign inverted, so the same day would start at different
 * instants in Java and in SQL. The set is read from PostgreSQL once per node.
 */
@ApplicationScoped
public class TimeZones {

    public static final String RULE = "must be an IANA time zone name such as Europe/London or UTC";

    private final AgroalDataSource dataSource;
    private volatile Set<String> known;

    TimeZones(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isKnown(String name) {
        return name != null && known().contains(name);
    }

    private Set<String> known() {
        Set<String> names = known;
        if (names == null) {
            synchronized (this) {
                if (known == null) {
                    known = load();
                }
                names = known;
            }
        }
        return names;
    }

    private Set<String> load() {
        Set<String> java = ZoneId.getAvailableZoneIds();
        Set<String> both = new HashSet<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select name from pg_timezone_names")) {
            while (rows.next()) {
                if (java.contains(rows.getString(1))) {
                    both.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read PostgreSQL's time zones (SQL state " + e.getSQLState() + ")");
        }
        if (!both.contains("UTC")) {
            throw new IllegalStateException("Java and PostgreSQL share no UTC time zone");
        }
        return Set.copyOf(both);
    }
}
