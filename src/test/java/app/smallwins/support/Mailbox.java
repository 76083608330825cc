package app.smallwins.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

/** Reads a person's mail from the suite's SMTP server ({@link SmtpServer}) over IMAP, as a mail client would. */
public final class Mailbox {

    /** One delivered mail: its headers and both parts. */
    public record Mail(String to, String from, String subject, String html, String text, String autoSubmitted) {
    }

    private Mailbox() {
    }

    /** Everything delivered to an address so far, oldest first. */
    public static List<Mail> of(String address) {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.host", "127.0.0.1");
        properties.setProperty("mail.imap.port", System.getProperty(SmtpServer.IMAP_PORT));
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    mails.add(read(m));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the mailbox over IMAP", e);
        }
    }

    /** Waits until an address has received at least {@code count} mails, and returns them. */
    public static List<Mail> await(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Mail> mails = of(address);
        while (mails.size() < count && Instant.now().isBefore(deadline)) {
            pause();
            mails = of(address);
        }
        if (mails.size() < count) {
            throw new AssertionError("expected " + count + " mail(s) within " + timeout + ", got " + mails.size());
        }
        return mails;
    }

    /** Waits for the first mail to an address whose subject starts so, and returns it. */
    public static Mail awaitSubject(String address, String subjectStart, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Mail> found = withSubject(address, subjectStart);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail \"" + subjectStart + "…\" within " + timeout + "; got "
                        + of(address).stream().map(Mail::subject).toList());
            }
            pause();
        }
    }

    /** The mails to an address whose subject starts so (digests may arrive beside what a test waits for). */
    public static List<Mail> withSubject(String address, String subjectStart) {
        return of(address).stream().filter(m -> m.subject().startsWith(subjectStart)).toList();
    }

    private static Mail read(Message m) throws Exception {
        String html = null;
        String text = null;
        if (m.getContent() instanceof Multipart multipart) {
            for (Part part : parts(multipart)) {
                if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                } else if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                }
            }
        } else if (m.isMimeType("text/plain")) {
            text = (String) m.getContent();
        }
        String[] auto = m.getHeader("Auto-Submitted");
        return new Mail(m.getAllRecipients()[0].toString(), m.getFrom()[0].toString(), m.getSubject(), html, text,
                auto == null ? null : auto[0]);
    }

    private static List<Part> parts(Multipart multipart) throws Exception {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                parts.addAll(parts(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
