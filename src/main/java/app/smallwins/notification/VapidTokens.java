package app.smallwins.notification;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.Map;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import nl.martijndwars.webpush.jwt.JwtFactory;

/**
 * The VAPID token's signature (RFC 8292: a JWT signed with ES256), made by jose4j, the JOSE
 * library Quarkus OIDC already ships: the Web Push library leaves the JWT signer to its user.
 */
final class VapidTokens implements JwtFactory {

    @Override
    public String serialize(Map<String, Object> header, Map<String, Object> claims, ECPrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        header.forEach((name, value) -> jws.setHeader(name, String.valueOf(value)));
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setPayload(JsonUtil.toJson(claims));
        try {
            // The library hands over a Bouncy Castle "ECDH" key; the JDK signs with the same scalar as an EC key.
            jws.setKey(KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(key.getS(), key.getParams())));
            return jws.getCompactSerialization();
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("The VAPID token could not be signed", e);
        }
    }
}
