package app.smallwins.notification;

import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.jboss.logging.Logger;

import app.smallwins.common.SmallWinsConfig;

/**
 * SMTP through Jakarta Mail (Eclipse Angus): one connection per sending thread, kept open
 * between mails and opened again when the server closed it. With {@code smallwins.mail.mock}
 * (dev mode) nothing is sent: each mail is logged instead.
 */
@ApplicationScoped
public class MailTransport {

    private static final Logger LOG = Logger.getLogger(MailTransport.class);

    private final SmallWinsConfig.Mail config;
    private final Session session;
    private final ThreadLocal<Transport> connections = new ThreadLocal<>();

    MailTransport(SmallWinsConfig config) {
        this.config = config.mail();
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", this.config.host());
        properties.setProperty("mail.smtp.port", Integer.toString(this.config.port()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(this.config.username().isPresent()));
        properties.setProperty("mail.smtp.starttls.enable", Boolean.toString(this.config.startTls() != SmallWinsConfig.Mail.StartTls.DISABLED));
        properties.setProperty("mail.smtp.starttls.required", Boolean.toString(this.config.startTls() == SmallWinsConfig.Mail.StartTls.REQUIRED));
        String timeout = Long.toString(this.config.timeout().toMillis());
        properties.setProperty("mail.smtp.connectiontimeout", timeout);
        properties.setProperty("mail.smtp.timeout", timeout);
        properties.setProperty("mail.smtp.writetimeout", timeout);
        this.session = Session.getInstance(properties);
    }

    /** Sends one mail with an HTML and a text part; throws when the server does not take it. */
    void send(String to, String subject, String html, String text) {
        if (config.mock()) {
            LOG.infof("Mail (dev mock, not sent) to %s: %s%n%s", to, subject, text);
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(config.from()));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, "UTF-8");
            // RFC 3834: no out-of-office replies to a notification.
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent(html, "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", plain, rich));
            message.saveChanges();
            Transport transport = connection();
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close(transport);
                throw e;
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("The mail server did not take the mail", e);
        }
    }

    private Transport connection() throws MessagingException {
        Transport transport = connections.get();
        if (transport == null || !transport.isConnected()) {
            transport = session.getTransport("smtp");
            transport.connect(config.host(), config.port(), config.username().orElse(null),
                    config.password().orElse(null));
            connections.set(transport);
        }
        return transport;
    }

    private void close(Transport transport) {
        connections.remove();
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // already broken
        }
    }
}
