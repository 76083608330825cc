package app.smallwins.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A TCP proxy between the app and PostgreSQL, so a test can take the database away without
 * touching the shared server: {@link #cut()} closes every open connection and refuses new
 * ones (as a restarting server does), {@link #restore()} lets them through again.
 *
 * <p>It is a global test resource (declared once, with {@code @QuarkusTestResource}, on
 * DatabaseOutageTest), so every test class shares one boot whose datasource goes through it.
 * The test resource and the tests may live in different class loaders, so the switch is
 * reached through the JVM's MBean server rather than a static field.
 */
public class DatabaseProxy implements QuarkusTestResourceLifecycleManager {

    private static final String SWITCH = "app.smallwins.test:type=DatabaseProxy";

    /** The switch, as an MBean. */
    public interface Switch {
        void cut();

        void restore();
    }

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;
    private ServerSocket server;

    /** Closes every connection to the database and refuses new ones until {@link #restore()}. */
    public static void cut() {
        flip("cut");
    }

    public static void restore() {
        flip("restore");
    }

    private static void flip(String operation) {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(SWITCH), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("The database proxy is not running", e);
        }
    }

    @Override
    public Map<String, String> start() {
        URI upstream = URI.create(ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.jdbc.url", String.class)
                .orElse("jdbc:postgresql://127.0.0.1:5432/postgres").substring("jdbc:".length()));
        String host = upstream.getHost() == null ? "127.0.0.1" : upstream.getHost();
        int port = upstream.getPort() < 0 ? 5432 : upstream.getPort();
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the database proxy", e);
        }
        Thread acceptor = new Thread(() -> accept(host, port), "db-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(new Switch() {
                @Override
                public void cut() {
                    setAccepting(false);
                }

                @Override
                public void restore() {
                    setAccepting(true);
                }
            }, Switch.class), new ObjectName(SWITCH));
        } catch (JMException e) {
            throw new IllegalStateException("Cannot register the database proxy's switch", e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + upstream.getPath()
                + (upstream.getQuery() == null ? "" : "?" + upstream.getQuery());
        return Map.of("quarkus.datasource.jdbc.url", url);
    }

    @Override
    public void stop() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(SWITCH));
        } catch (JMException alreadyGone) {
            // stopping anyway
        }
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        closeAll();
    }

    private void setAccepting(boolean accepting) {
        this.accepting = accepting;
        if (!accepting) {
            closeAll();
        }
    }

    private void closeAll() {
        for (Socket socket : open) {
            close(socket);
        }
    }

    private void accept(String host, int port) {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                return;
            }
            if (!accepting) {
                close(client); // like a server that is down: the connection ends before it starts
                continue;
            }
            Socket database = new Socket();
            try {
                database.connect(new InetSocketAddress(host, port), 5_000);
            } catch (IOException unreachable) {
                close(client);
                close(database);
                continue;
            }
            open.add(client);
            open.add(database);
            pump(client, database);
            pump(database, client);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away: end both
            } finally {
                close(from);
                close(to);
            }
        }, "db-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
