package app.smallwins.common.logging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/** What the log filter removes, and what it leaves for operators. */
class PersonalDataFilterTest {

    private static final String DUPLICATE = """
            ERROR: duplicate key value violates unique constraint "team_membership_invitation"
              Detail: Key (child_id, lower(invited_email::text))=(5b1c2f8e-0000-4000-8000-000000000001, aunt.may@example.org) already exists.""";

    @Test
    void postgresQuotedRowValuesAndAddressesAreRedacted() {
        String clean = PersonalDataFilter.redact(DUPLICATE);
        assertThat(clean, not(containsString("aunt.may")));
        assertThat(clean, not(containsString("5b1c2f8e")));
        assertThat(clean, containsString("team_membership_invitation"));
        assertThat(clean, containsString("Detail: <redacted>"));
        assertThat(PersonalDataFilter.redact("could not execute statement [" + DUPLICATE.replace('\n', ' ')
                + "] [insert into team_membership (...) values (?,?)]"), not(containsString("aunt.may")));
        assertThat(PersonalDataFilter.redact("Failing row: Key (lower(email))=(x) is not present"),
                equalTo("Failing row: Key (lower(email))=(<redacted>) is not present"));
        assertThat(PersonalDataFilter.redact("mail to Priya.O'Neil+team@school.example.co.uk now"),
                equalTo("mail to <e-mail> now"));
        assertThat(PersonalDataFilter.redact("nothing personal: 3 rows in 12 ms"), equalTo("nothing personal: 3 rows in 12 ms"));
    }

    @Test
    void aRecordKeepsItsLevelAndCategoryWithRedactedMessageAndException() {
        LogRecord record = new LogRecord(Level.WARNING, "insert failed for {0}");
        record.setParameters(new Object[] { "aunt.may@example.org" });
        SQLException cause = new SQLException(DUPLICATE, "23505");
        record.setThrown(new RuntimeException("wrapped", cause));

        assertThat(new PersonalDataFilter().isLoggable(record), equalTo(true));

        assertThat(record.getMessage(), equalTo("insert failed for <e-mail>"));
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString(), not(containsString("aunt.may")));
        assertThat(trace.toString(), containsString("java.lang.RuntimeException: wrapped"));
        assertThat(trace.toString(), containsString("java.sql.SQLException: ERROR: duplicate key"));
        assertThat(trace.toString(), containsString("PersonalDataFilterTest"));
    }
}
