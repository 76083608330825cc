package app.smallwins.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Web Push service (RFC 8030) on 127.0.0.1 for tests: it holds each subscription's private
 * key, so it decrypts (RFC 8291) and checks the VAPID signature (RFC 8292) of what the app
 * sends with the JDK's own crypto, independently of the library the app sends with.
 *
 * <p>Requests arrive on the app's threads while the test reads and configures, so every
 * device's state is guarded by its own monitor.
 */
public final class LocalPushService implements AutoCloseable {

    /** The longest VAPID lifetime a push service must accept (RFC 8292, section 2). */
    private static final Duration MAX_VAPID_LIFETIME = Duration.ofHours(24);
    private static final int SALT_LENGTH = 16;
    private static final int UNCOMPRESSED_POINT_LENGTH = 65;
    private static final int TAG_LENGTH = 16;
    private static final int HEADER_LENGTH = SALT_LENGTH + 4 + 1;
    private static final byte LAST_RECORD_DELIMITER = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final ECParameterSpec P256 = ((ECPublicKey) generateKeyPair().getPublic()).getParams();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String origin;
    private final String originWithoutPort;
    private final Map<String, DeviceState> devices = new ConcurrentHashMap<>();

    /** A subscription as a browser would hand it to the app: its endpoint and public keys. */
    public record Device(String endpoint, String p256dh, String auth) {

        /** Exactly what the browser's {@code PushSubscription.toJSON()} gives. */
        public String subscriptionJson() {
            ObjectNode json = JSON.createObjectNode();
            json.put("endpoint", endpoint);
            json.putNull("expirationTime");
            json.putObject("keys").put("p256dh", p256dh).put("auth", auth);
            return json.toString();
        }
    }

    /**
     * A message that passed every check: its decrypted text, the request's headers (looked up
     * case-insensitively, keys in lower case), the VAPID token it carried and the status answered.
     */
    public record Delivery(String payload, Map<String, List<String>> headers, Vapid vapid, int answered) {

        /** The header's first value, or null when the request had none. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** The verified VAPID token: the sender's key (base64url, as sent in k) and the JWT's parts. */
    public record Vapid(String publicKey, Map<String, Object> header, Map<String, Object> claims) {

        public String audience() {
            return (String) claims.get("aud");
        }

        public String subject() {
            return (String) claims.get("sub");
        }

        public Instant expiresAt() {
            return Instant.ofEpochSecond(((Number) claims.get("exp")).longValue());
        }
    }

    private record Answer(int status, Map<String, String> headers) {
    }

    private LocalPushService(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
        this.originWithoutPort = "http://127.0.0.1";
    }

    public static LocalPushService start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the local push service", e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "local-push-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LocalPushService service = new LocalPushService(server, executor);
        server.createContext("/push/", service::handle);
        // Several app threads may push at once; one dispatcher thread would serialise them.
        server.setExecutor(executor);
        server.start();
        return service;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** "http://127.0.0.1:PORT", the origin of every endpoint handed out. */
    public String origin() {
        return origin;
    }

    /** A new subscription: a fresh P-256 key pair and auth secret, as a browser makes. */
    public Device newDevice() {
        KeyPair keys = generateKeyPair();
        byte[] auth = new byte[16];
        RANDOM.nextBytes(auth);
        String path = "/push/" + UUID.randomUUID();
        Device device = new Device(origin + path, BASE64URL.encodeToString(uncompressed((ECPublicKey) keys.getPublic())),
                BASE64URL.encodeToString(auth));
        devices.put(path, new DeviceState(device, keys, auth));
        return device;
    }

    /** From now on, requests that pass the checks are answered with this status and headers. */
    public void answer(Device device, int status, Map<String, String> headers) {
        state(device).answer(new Answer(status, Map.copyOf(headers)));
    }

    /**
     * The next request that passes the checks is answered with this status and headers; later
     * ones get the standing answer again. Several calls queue up in order.
     */
    public void answerOnce(Device device, int status, Map<String, String> headers) {
        state(device).answerOnce(new Answer(status, Map.copyOf(headers)));
    }

    /** Every message to the device that passed the checks, whatever was answered, in arrival order. */
    public List<Delivery> deliveries(Device device) {
        return state(device).deliveries();
    }

    /**
     * The next delivery not yet returned by this method that was answered 2xx, waiting for it
     * up to the timeout; deliveries answered otherwise are passed over.
     */
    public Delivery awaitDelivery(Device device, Duration timeout) {
        return state(device).awaitDelivery(timeout);
    }

    /** Every request to the device's endpoint, refused ones included. */
    public int requestCount(Device device) {
        return state(device).requestCount();
    }

    /** Why requests to the device's endpoint were refused with 400, in arrival order. */
    public List<String> errors(Device device) {
        return state(device).errors();
    }

    private DeviceState state(Device device) {
        DeviceState state = devices.get(URI.create(device.endpoint()).getPath());
        if (state == null || !state.device.equals(device)) {
            throw new IllegalArgumentException("Not a device of this push service: " + device.endpoint());
        }
        return state;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            DeviceState state = devices.get(exchange.getRequestURI().getPath());
            if (state == null) {
                // What a push service says for a subscription it does not know.
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Delivery delivery;
            Answer answer;
            try {
                state.countRequest();
                Map<String, List<String>> headers = headers(exchange);
                String payload = check(exchange.getRequestMethod(), headers, body, state);
                Vapid vapid = verifyVapid(first(headers, "authorization"));
                answer = state.nextAnswer();
                delivery = new Delivery(payload, headers, vapid, answer.status());
            } catch (Refused | RuntimeException refused) {
                // Anything unreadable is the sender's fault too; a test sees it in errors().
                String why = refused instanceof Refused ? refused.getMessage() : "request cannot be read: " + refused;
                state.refused(why);
                byte[] reason = why.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(400, reason.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reason);
                }
                return;
            }
            // Recorded before answering, so a sender that has its response finds it in deliveries().
            state.delivered(delivery);
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            if (answer.status() == 201 && !answer.headers().containsKey("Location")) {
                exchange.getResponseHeaders().set("Location", origin + "/message/" + UUID.randomUUID());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
    }

    private static Map<String, List<String>> headers(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        return Collections.unmodifiableMap(headers);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The RFC 8030 and RFC 8291 checks; gives the decrypted payload. */
    private static String check(String method, Map<String, List<String>> headers, byte[] body, DeviceState state)
            throws Refused {
        if (!"POST".equals(method)) {
            throw new Refused("method " + method + ", not POST");
        }
        if (!"aes128gcm".equals(first(headers, "content-encoding"))) {
            throw new Refused("Content-Encoding is " + first(headers, "content-encoding") + ", not aes128gcm");
        }
        String ttl = first(headers, "ttl");
        if (ttl == null || !ttl.matches("\\d+")) {
            throw new Refused("TTL header missing or not a number of seconds: " + ttl);
        }
        return new String(decrypt(body, state.keys, state.auth), StandardCharsets.UTF_8);
    }

    private static byte[] decrypt(byte[] body, KeyPair receiver, byte[] auth) throws Refused {
        if (body.length < HEADER_LENGTH) {
            throw new Refused("body of " + body.length + " bytes is shorter than the aes128gcm header");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[SALT_LENGTH];
        in.get(salt);
        long recordSize = Integer.toUnsignedLong(in.getInt());
        int idLength = in.get() & 0xff;
        if (idLength != UNCOMPRESSED_POINT_LENGTH || in.remaining() < idLength) {
            throw new Refused("keyid of " + idLength + " bytes is not the sender's uncompressed P-256 key");
        }
        byte[] senderKey = new byte[idLength];
        in.get(senderKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        // RFC 8291 allows a single record only, so all of it must fit in rs.
        if (ciphertext.length > recordSize || ciphertext.length < TAG_LENGTH + 1) {
            throw new Refused("ciphertext of " + ciphertext.length + " bytes is not one record of rs " + recordSize);
        }
        byte[] padded;
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(receiver.getPrivate());
            agreement.doPhase(publicKey(senderKey), true);
            byte[] ecdhSecret = agreement.generateSecret();
            byte[] receiverKey = uncompressed((ECPublicKey) receiver.getPublic());
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), receiverKey, senderKey);
            byte[] ikm = hmac(hmac(auth, ecdhSecret), concat(keyInfo, new byte[] {1}));
            byte[] prk = hmac(salt, ikm);
            byte[] cek = Arrays.copyOf(hmac(prk, "Content-Encoding: aes128gcm\0\1".getBytes(StandardCharsets.US_ASCII)), 16);
            byte[] nonce = Arrays.copyOf(hmac(prk, "Content-Encoding: nonce\0\1".getBytes(StandardCharsets.US_ASCII)), 12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            padded = cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new Refused("payload does not decrypt with the subscription's keys and auth secret");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("payload cannot be decrypted: " + e);
        }
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != LAST_RECORD_DELIMITER) {
            throw new Refused("plaintext does not end with the last-record delimiter 0x02 and zero padding");
        }
        return Arrays.copyOf(padded, end);
    }

    /** The RFC 8292 checks on "vapid t=JWT, k=KEY". */
    private Vapid verifyVapid(String authorization) throws Refused {
        if (authorization == null || !authorization.regionMatches(true, 0, "vapid ", 0, 6)) {
            throw new Refused("Authorization is not a vapid one: " + authorization);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : authorization.substring(6).split(",")) {
            int equals = param.indexOf('=');
            if (equals > 0) {
                params.put(param.substring(0, equals).strip(), param.substring(equals + 1).strip());
            }
        }
        String token = params.get("t");
        String key = params.get("k");
        if (token == null || key == null) {
            throw new Refused("Authorization lacks t or k: " + authorization);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Refused("t is not a compact JWS");
        }
        Map<String, Object> header = jsonObject(parts[0], "JWT header");
        Map<String, Object> claims = jsonObject(parts[1], "JWT claims");
        if (!"ES256".equals(header.get("alg"))) {
            throw new Refused("JWT alg is " + header.get("alg") + ", not ES256");
        }
        try {
            byte[] signature = BASE64URL_DECODER.decode(parts[2]);
            if (signature.length != 64) {
                throw new Refused("ES256 signature of " + signature.length + " bytes, not 64 (r||s)");
            }
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey(BASE64URL_DECODER.decode(key)));
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(signature)) {
                throw new Refused("JWT signature does not verify with k");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Refused("JWT signature cannot be checked: " + e);
        }
        checkClaims(claims);
        return new Vapid(key, header, claims);
    }

    private void checkClaims(Map<String, Object> claims) throws Refused {
        Object audience = claims.get("aud");
        // webpush 6.1.1 builds aud from scheme and host only (Notification.getOrigin), which is
        // right for real push services on the default port; this one cannot have it, so an aud
        // that leaves out the port is taken as the same origin.
        if (!origin.equals(audience) && !originWithoutPort.equals(audience)) {
            throw new Refused("aud " + audience + " is not the endpoint's origin " + origin);
        }
        if (!(claims.get("exp") instanceof Number exp)) {
            throw new Refused("exp missing or not a number: " + claims.get("exp"));
        }
        Instant now = Instant.now();
        Instant expiry = Instant.ofEpochSecond(exp.longValue());
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(MAX_VAPID_LIFETIME))) {
            throw new Refused("exp " + expiry + " is not in the next 24 hours");
        }
        if (!(claims.get("sub") instanceof String subject) || !(subject.startsWith("mailto:") || subject.startsWith("https:"))) {
            throw new Refused("sub is not a mailto: or https: contact: " + claims.get("sub"));
        }
    }

    private static Map<String, Object> jsonObject(String base64url, String what) throws Refused {
        try {
            return Collections.unmodifiableMap(JSON.readValue(BASE64URL_DECODER.decode(base64url), JSON_OBJECT));
        } catch (IOException | IllegalArgumentException e) {
            throw new Refused(what + " is not base64url JSON: " + e.getMessage());
        }
    }

    private static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot make P-256 keys", e);
        }
    }

    private static PublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != UNCOMPRESSED_POINT_LENGTH || uncompressed[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
    }

    /** 0x04 || X || Y, each coordinate as 32 unsigned big-endian bytes. */
    private static byte[] uncompressed(ECPublicKey key) {
        return concat(new byte[] {4}, unsigned32(key.getW().getAffineX()), unsigned32(key.getW().getAffineY()));
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(part -> part.length).sum());
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    /** A request that breaks one of the RFCs: answered 400 and kept as the device's error. */
    private static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One device's keys, answers and history; its monitor guards all of it. */
    private static final class DeviceState {
        private final Device device;
        private final KeyPair keys;
        private final byte[] auth;
        private final List<Delivery> deliveries = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private final Queue<Answer> once = new ArrayDeque<>();
        private Answer standing = new Answer(201, Map.of());
        private int requests;
        private int awaited;

        DeviceState(Device device, KeyPair keys, byte[] auth) {
            this.device = device;
            this.keys = keys;
            this.auth = auth;
        }

        synchronized void answer(Answer answer) {
            standing = answer;
        }

        synchronized void answerOnce(Answer answer) {
            once.add(answer);
        }

        synchronized Answer nextAnswer() {
            Answer next = once.poll();
            return next == null ? standing : next;
        }

        synchronized void countRequest() {
            requests++;
        }

        synchronized int requestCount() {
            return requests;
        }

        synchronized void refused(String reason) {
            errors.add(reason);
        }

        synchronized List<String> errors() {
            return List.copyOf(errors);
        }

        synchronized void delivered(Delivery delivery) {
            deliveries.add(delivery);
            notifyAll();
        }

        synchronized List<Delivery> deliveries() {
            return List.copyOf(deliveries);
        }

        synchronized Delivery awaitDelivery(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                while (awaited < deliveries.size()) {
                    Delivery next = deliveries.get(awaited++);
                    if (next.answered() / 100 == 2) {
                        return next;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("No push message answered 2xx reached " + device.endpoint() + " within "
                            + timeout + "; refused: " + errors);
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("Interrupted while waiting for a push message", e);
                }
            }
        }
    }
}
