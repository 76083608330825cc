package app.smallwins.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.support.LocalPushService.Delivery;
import app.smallwins.support.LocalPushService.Device;
import nl.martijndwars.webpush.Encoding;
import nl.martijndwars.webpush.Notification;
import nl.martijndwars.webpush.PushService;
import nl.martijndwars.webpush.jwt.JwtFactory;

/**
 * LocalPushService against the webpush library as the sender: what the library encrypts and
 * signs must come out decrypted and verified, and what is wrong must be refused and recorded.
 */
class LocalPushServiceTest {

    private static final String SUBJECT = "mailto:push@smallwins.test";
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /**
     * The library finds no JwtFactory by itself (none ships in its jar); this is ES256 with the
     * JDK. Its key is a Bouncy Castle "ECDH" key, which the JDK's ECDSA refuses, so it is
     * rebuilt as a JDK EC key first.
     */
    private static final JwtFactory ES256 = (header, claims, key) -> sign(header, claims, jdkKey(key));

    /** One client for every sender: each new one starts its own selector thread. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalPushService push;
    private static String vapidPublicKey;
    private static String vapidPrivateKey;
    private static PushService sender;

    @BeforeAll
    static void start() throws GeneralSecurityException {
        // The library asks for the "BC" provider by name and does not register it. Bouncy Castle
        // is loaded parent-first (application.properties), so a provider an app start of the
        // suite registered has this test's classes too, and is left in place for it.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        push = LocalPushService.start();
        KeyPair vapid = p256KeyPair();
        vapidPublicKey = BASE64URL.encodeToString(uncompressed((ECPublicKey) vapid.getPublic()));
        vapidPrivateKey = BASE64URL.encodeToString(unsigned32(((ECPrivateKey) vapid.getPrivate()).getS()));
        sender = sender(SUBJECT, ES256, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        push.close();
    }

    @Test
    void subscriptionJsonIsWhatABrowserGives() throws Exception {
        Device device = push.newDevice();

        JsonNode json = JSON.readTree(device.subscriptionJson());

        assertEquals(List.of("endpoint", "expirationTime", "keys"), fieldNames(json));
        assertEquals(device.endpoint(), json.get("endpoint").asText());
        assertTrue(device.endpoint().startsWith(push.origin() + "/push/"), device.endpoint());
        assertTrue(json.get("expirationTime").isNull());
        assertEquals(List.of("p256dh", "auth"), fieldNames(json.get("keys")));
        byte[] p256dh = Base64.getUrlDecoder().decode(json.get("keys").get("p256dh").asText());
        assertEquals(65, p256dh.length);
        assertEquals(4, p256dh[0]);
        assertEquals(16, Base64.getUrlDecoder().decode(device.auth()).length);
        assertTrue(!device.p256dh().contains("=") && !device.auth().contains("="), "base64url without padding");
    }

    @Test
    void deliversTheDecryptedPayloadWithTheVerifiedVapidToken() throws Exception {
        Device device = push.newDevice();
        String payload = "{\"title\":\"Mia reached her goal \uD83C\uDF89\",\"goal\":\"g-1\"}";

        HttpResponse<Void> response = sender.send(notification(device, payload), Encoding.AES_128_GCM);

        assertEquals(201, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isPresent());
        Delivery delivery = push.awaitDelivery(device, WAIT);
        assertEquals(payload, delivery.payload());
        assertEquals(201, delivery.answered());
        assertEquals("60", delivery.header("TTL"));
        assertEquals("high", delivery.header("urgency"));
        assertEquals("goal-g-1", delivery.header("Topic"));
        assertEquals(vapidPublicKey, delivery.vapid().publicKey());
        assertEquals("ES256", delivery.vapid().header().get("alg"));
        assertTrue(List.of(push.origin(), "http://127.0.0.1").contains(delivery.vapid().audience()),
                delivery.vapid().audience());
        assertEquals(SUBJECT, delivery.vapid().subject());
        assertTrue(delivery.vapid().expiresAt().isAfter(Instant.now()));
        assertEquals(List.of(), push.errors(device));
        assertEquals(1, push.requestCount(device));
        assertEquals(List.of(delivery), push.deliveries(device));
    }

    @Test
    void goneIsWhatTheSenderSees() throws Exception {
        Device device = push.newDevice();
        push.answer(device, 410, Map.of());

        HttpResponse<Void> first = sender.send(notification(device, "one"), Encoding.AES_128_GCM);
        HttpResponse<Void> second = sender.send(notification(device, "two"), Encoding.AES_128_GCM);

        assertEquals(410, first.statusCode());
        assertEquals(410, second.statusCode());
        assertEquals(List.of("one", "two"), push.deliveries(device).stream().map(Delivery::payload).toList());
        assertEquals(List.of(410, 410), push.deliveries(device).stream().map(Delivery::answered).toList());
        assertThrows(AssertionError.class, () -> push.awaitDelivery(device, Duration.ofMillis(50)));
        assertEquals(List.of(), push.errors(device));
    }

    @Test
    void tooManyRequestsCarriesRetryAfterForOneRequestOnly() throws Exception {
        Device device = push.newDevice();
        push.answerOnce(device, 429, Map.of("Retry-After", "120"));

        HttpResponse<Void> throttled = sender.send(notification(device, "first try"), Encoding.AES_128_GCM);
        HttpResponse<Void> retried = sender.send(notification(device, "retry"), Encoding.AES_128_GCM);

        assertEquals(429, throttled.statusCode());
        assertEquals("120", throttled.headers().firstValue("Retry-After").orElse(null));
        assertEquals(201, retried.statusCode());
        assertEquals("retry", push.awaitDelivery(device, WAIT).payload());
        assertEquals(2, push.requestCount(device));
        assertEquals(List.of(), push.errors(device));
    }

    @Test
    void refusesAPayloadEncryptedForAnotherDevice() throws Exception {
        Device device = push.newDevice();
        Device other = push.newDevice();
        Notification misaddressed = Notification.builder().endpoint(device.endpoint()).userPublicKey(other.p256dh())
                .userAuth(other.auth()).payload("not for you").ttl(60).build();

        HttpResponse<Void> response = sender.send(misaddressed, Encoding.AES_128_GCM);

        assertEquals(400, response.statusCode());
        assertEquals(List.of("payload does not decrypt with the subscription's keys and auth secret"), push.errors(device));
        assertEquals(List.of(), push.deliveries(device));
        assertEquals(1, push.requestCount(device));
        assertEquals(0, push.requestCount(other));
    }

    @Test
    void refusesAWrongAuthSecret() throws Exception {
        Device device = push.newDevice();
        Notification wrongAuth = Notification.builder().endpoint(device.endpoint()).userPublicKey(device.p256dh())
                .userAuth(push.newDevice().auth()).payload("wrong secret").ttl(60).build();

        assertEquals(400, sender.send(wrongAuth, Encoding.AES_128_GCM).statusCode());

        assertEquals(1, push.errors(device).size());
        assertTrue(push.errors(device).get(0).contains("does not decrypt"), push.errors(device).get(0));
        assertEquals(List.of(), push.deliveries(device));
    }

    @Test
    void refusesVapidTokensThatAreForgedExpiredTooLongOrWithoutContact() throws Exception {
        KeyPair stranger = p256KeyPair();
        List<PushService> wrongSenders = List.of(
                sender(SUBJECT, (header, claims, key) -> sign(header, claims, stranger.getPrivate()), Clock.systemUTC()),
                sender(SUBJECT, ES256, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1))),
                sender(SUBJECT, ES256, Clock.offset(Clock.systemUTC(), Duration.ofHours(24))),
                sender("push@smallwins.test", ES256, Clock.systemUTC()));
        Device device = push.newDevice();

        for (PushService wrong : wrongSenders) {
            assertEquals(400, wrong.send(notification(device, "signed wrong"), Encoding.AES_128_GCM).statusCode());
        }

        List<String> errors = push.errors(device);
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("does not verify"), errors.get(0));
        assertTrue(errors.get(1).startsWith("exp "), errors.get(1));
        assertTrue(errors.get(2).startsWith("exp "), errors.get(2));
        assertTrue(errors.get(3).startsWith("sub "), errors.get(3));
        assertEquals(List.of(), push.deliveries(device));
    }

    @Test
    void refusesARequestWithoutContentEncodingOrTtl() throws Exception {
        Device device = push.newDevice();
        HttpRequest bare = HttpRequest.newBuilder(URI.create(device.endpoint()))
                .POST(HttpRequest.BodyPublishers.ofString("plain text")).build();

        HttpResponse<String> response = HTTP.send(bare, HttpResponse.BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertEquals(1, push.errors(device).size());
        assertTrue(push.errors(device).get(0).startsWith("Content-Encoding"), push.errors(device).get(0));
        assertEquals(push.errors(device).get(0), response.body());
        assertEquals(1, push.requestCount(device));
        assertNull(response.headers().firstValue("Location").orElse(null));
    }

    private static Notification notification(Device device, String payload) throws GeneralSecurityException {
        return Notification.builder().endpoint(device.endpoint()).userPublicKey(device.p256dh()).userAuth(device.auth())
                .payload(payload.getBytes(StandardCharsets.UTF_8)).ttl(60).urgency(Notification.Urgency.HIGH)
                .topic("goal-g-1").build();
    }

    private static PushService sender(String subject, JwtFactory jwt, Clock clock) throws GeneralSecurityException {
        return PushService.builder().withVapidPublicKey(vapidPublicKey).withVapidPrivateKey(vapidPrivateKey)
                .withVapidSubject(subject).withJwtFactory(jwt).withClock(clock).withHttpClient(HTTP).build();
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        try {
            String signingInput = BASE64URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot sign the VAPID token", e);
        }
    }

    private static PrivateKey jdkKey(ECPrivateKey key) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(key.getS(), key.getParams()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the VAPID private key", e);
        }
    }

    private static KeyPair p256KeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** The library's public key format: 0x04 || X || Y, 65 bytes. */
    private static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        System.arraycopy(unsigned32(key.getW().getAffineX()), 0, point, 1, 32);
        System.arraycopy(unsigned32(key.getW().getAffineY()), 0, point, 33, 32);
        return point;
    }

    /** The library's private key format: the scalar as 32 unsigned big-endian bytes. */
    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
