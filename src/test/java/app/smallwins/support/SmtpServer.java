package app.smallwins.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.util.Map;

import javax.management.ObjectName;
import javax.management.StandardMBean;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server for the suite (GreenMail), with IMAP beside it so tests read what was
 * delivered over a real protocol ({@link Mailbox}). Global, like {@link DatabaseProxy}: the app
 * of every test class sends its mail here. {@link #down()} and {@link #up()} take the server
 * away and bring a fresh one back on the same ports (earlier mail is gone), through the
 * JVM's MBean server, since the resource and the tests may live in different class loaders.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    /** The system property {@link Mailbox} finds the IMAP port in. */
    public static final String IMAP_PORT = "app.smallwins.test.imap-port";
    private static final String SWITCH = "app.smallwins.test:type=SmtpServer";

    /** The switch, as an MBean. */
    public interface Control {
        void down();

        void up();
    }

    private int smtpPort;
    private int imapPort;
    private volatile GreenMail mail;

    @Override
    public Map<String, String> start() {
        smtpPort = freePort();
        imapPort = freePort();
        mail = open();
        System.setProperty(IMAP_PORT, Integer.toString(imapPort));
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(new Control() {
                @Override
                public void down() {
                    mail.stop();
                }

                @Override
                public void up() {
                    mail = open();
                }
            }, Control.class), new ObjectName(SWITCH));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Map.of("smallwins.mail.host", "127.0.0.1", "smallwins.mail.port", Integer.toString(smtpPort));
    }

    @Override
    public void stop() {
        if (mail != null) {
            mail.stop();
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(SWITCH));
        } catch (Exception e) {
            // already gone
        }
    }

    /** Stops the SMTP server: the app's sends fail until {@link #up()}. */
    public static void down() {
        flip("down");
    }

    public static void up() {
        flip("up");
    }

    private static void flip(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(SWITCH), operation, null, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private GreenMail open() {
        GreenMail server = new GreenMail(new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", "smtp"),
                new ServerSetup(imapPort, "127.0.0.1", "imap") })
                // Any address is a mailbox, its own address its login.
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
