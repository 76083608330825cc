package app.smallwins.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Turns Web Push on for the suite with a VAPID key pair made for this run (global, like
 * {@link SmtpServer}). Tests never see the private key: they check the signature of what
 * arrives at {@link LocalPushService} against the public key the API serves.
 */
public class VapidKeys implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            byte[] point = new byte[65];
            point[0] = 4;
            System.arraycopy(unsigned32(pub.getW().getAffineX()), 0, point, 1, 32);
            System.arraycopy(unsigned32(pub.getW().getAffineY()), 0, point, 33, 32);
            Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
            return Map.of("smallwins.notifications.web-push.public-key", base64url.encodeToString(point),
                    "smallwins.notifications.web-push.private-key",
                    base64url.encodeToString(unsigned32(((ECPrivateKey) pair.getPrivate()).getS())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // Nothing to stop.
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return Arrays.copyOf(out, 32);
    }
}
