package app.smallwins;

import static app.smallwins.support.Api.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import app.smallwins.support.CareTeam;
import app.smallwins.support.Concurrently;
import app.smallwins.support.RunsLast;
import app.smallwins.support.SentTexts;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * No personal data in the log, whoever logs: the log of the whole test run (one file,
 * target/test-run.log, written through the same handlers and filter as production) holds no
 * e-mail address, no user's name and none of the texts the suite sent. Runs after every
 * other class of the boot, so it reads what they all left.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@RunsLast
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LogPrivacyTest {

    private static final Path LOG = Path.of("target/test-run.log");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final int MAX_RACES = 40;

    @Test
    @Order(1)
    void aDuplicateInvitationRaceLogsTheConstraintButNotTheAddress() throws Exception {
        CareTeam team = new CareTeam();
        long start = Files.size(LOG);
        String lastEmail = null;
        String logged = "";
        // The race reaches the unique index only when both inserts pass the service's own check:
        // try until PostgreSQL's 23505 shows in the log (bounded).
        for (int race = 0; race < MAX_RACES && !logged.contains("23505"); race++) {
            String email = "race-" + UUID.randomUUID() + "@example.test";
            lastEmail = email;
            List<Tokens.TestUser> managers = List.of(team.admin, team.teacher, team.admin, team.teacher);
            Concurrently.run(managers.size(), i -> as(managers.get(i))
                    .body(Map.of("email", email, "role", "parent", "relationship", "aunt"))
                    .post(team.childPath() + "/team").statusCode());
            logged = readFrom(start);
            assertThat(logged, not(containsString(email)));
        }
        assertThat("no invitation race reached the unique index in " + MAX_RACES + " tries", logged,
                containsString("23505"));
        assertThat(logged, not(containsString(lastEmail)));
        // What is left says what happened, without the row's values.
        assertThat(logged, containsString("<redacted>"));
    }

    @Test
    @Order(2)
    void theWholeRunsLogHoldsNoAddressNameOrTextTheSuiteSent() throws IOException {
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat("the log of the run is missing", log, containsString("Profile test activated"));

        List<String> emails = new ArrayList<>();
        Matcher email = EMAIL.matcher(log);
        while (email.find() && emails.size() < 20) {
            emails.add(email.group());
        }
        assertThat("e-mail addresses in " + LOG, emails, empty());

        // Test users are named "Name of <subject>" (support/Tokens).
        assertThat("user names in " + LOG, lines(log, "Name of "), empty());

        Set<String> sent = SentTexts.all();
        assertThat("the suite recorded no texts: is the hook in Api.NO_LEAKS?", !sent.isEmpty());
        assertThat("texts the suite sent, found in " + LOG, find(log, sent), empty());
    }

    private static String readFrom(long offset) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG.toFile(), "r")) {
            byte[] tail = new byte[(int) Math.max(0, file.length() - offset)];
            file.seek(offset);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        }
    }

    private static List<String> lines(String log, String needle) {
        return log.lines().filter(line -> line.contains(needle)).limit(20).toList();
    }

    /** Every text found in the log, in one pass: texts are indexed by their first few characters. */
    private static Set<String> find(String log, Set<String> texts) {
        int key = 8;
        Map<String, List<String>> byStart = new HashMap<>();
        for (String text : texts) {
            byStart.computeIfAbsent(text.substring(0, key), k -> new ArrayList<>()).add(text);
        }
        Set<String> found = new TreeSet<>();
        for (int i = 0; i + key <= log.length(); i++) {
            List<String> candidates = byStart.get(log.substring(i, i + key));
            if (candidates != null) {
                for (String text : candidates) {
                    if (log.startsWith(text, i)) {
                        found.add(text);
                    }
                }
            }
        }
        return found;
    }
}
