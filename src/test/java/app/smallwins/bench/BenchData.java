package app.smallwins.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;

/** Observations for the benchmarks, written in one statement and analysed. */
final class BenchData {

    private BenchData() {
    }

    /**
     * `count` observations of one child spread over its goals (one in ten on no goal), kinds,
     * settings, prompt levels, regulation and team members, over the last `days` days.
     */
    static void observations(AgroalDataSource dataSource, String childId, List<String> goals, int count, int days)
            throws Exception {
        List<String> authors = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select user_id, role from team_membership where child_id = '"
                        + childId + "' and user_id is not null")) {
            while (rs.next()) {
                authors.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        String goalArray = "array[" + String.join(",", goals.stream().map(g -> "'" + g + "'::uuid").toList()) + "]";
        String authorArray = "array[" + String.join(",", authors.stream().map(a -> "'" + a + "'").toList()) + "]";
        String sql = """
                insert into observation (id, child_id, goal_id, kind, text, domain, setting, prompt_level, regulation,
                    first_time, occurred_at, source, author_id, author_capacity, created_at, updated_at, version)
                select gen_random_uuid(), ?::uuid,
                       case when i %% 10 = 0 then null else (%1$s)[1 + (i / 2) %% %2$d] end,
                       (array['WIN','WIN','WIN','SETBACK','NOTE'])[1 + i %% 5],
                       'Observation ' || i, 'COMMUNICATION',
                       (array['HOME','CLASSROOM','THERAPY','PLAYGROUND','COMMUNITY'])[1 + (i / 7) %% 5],
                       (array['INDEPENDENT','GESTURAL','VERBAL','VISUAL','MODEL','PARTIAL_PHYSICAL','FULL_PHYSICAL'])
                           [1 + (i / 3) %% 7],
                       (array['CALM','CALM','CALM','UNSETTLED','DYSREGULATED','SHUTDOWN'])[1 + (i / 11) %% 6],
                       i %% 97 = 0,
                       now() - make_interval(mins => (i * 1051) %% (%5$d * 24 * 60)),
                       'DIRECT',
                       split_part((%3$s)[1 + i %% %4$d], ':', 1)::uuid,
                       split_part((%3$s)[1 + i %% %4$d], ':', 2),
                       now(), now(), 0
                from generate_series(1, ?) as i""".formatted(goalArray, goals.size(), authorArray, authors.size(),
                days);
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, UUID.fromString(childId));
            insert.setInt(2, count);
            insert.executeUpdate();
            try (Statement analyze = c.createStatement()) {
                analyze.execute("analyze observation");
            }
        }
    }
}
