package app.smallwins.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.json.StrictJson;

/**
 * Makes a POST safe to retry. The first request with an `Idempotency-Key` claims the key
 * (per user) inside its own transaction and stores its result beside it; a retry, even one
 * racing the first, waits on the key's row until that transaction ends, then returns the
 * stored result and creates nothing. The same key with a different request is a 422. If the first request fails,
 * its claim rolls back with it and a retry runs afresh.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRepository records;
    private final ObjectMapper json;

    Idempotency(IdempotencyRepository records, ObjectMapper json) {
        this.records = records;
        this.json = json;
    }

    /** A result, and whether it was replayed from an earlier request. */
    public record Outcome<T>(T value, boolean replayed) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> once(UUID userId, String key, String operation, Object request, Class<T> resultType,
            Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(action.get(), false);
        }
        check(key);
        String fingerprint = fingerprint(operation, request);
        if (records.claim(userId, key, fingerprint)) {
            T result = action.get();
            records.storeResponse(userId, key, write(result));
            return new Outcome<>(result, false);
        }
        IdempotencyRepository.Stored first = records.find(userId, key).orElseThrow();
        if (!fingerprint.equals(first.requestHash()) || first.response() == null) {
            throw ApiException.unprocessable(
                    "This Idempotency-Key was already used for a different request; use a new key");
        }
        return new Outcome<>(read(first.response(), resultType), true);
    }

    /** Refuses a malformed key (400), for a request that checks it before its own work (an upload). */
    public static void check(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH
                || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e))) {
            throw ApiException.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            // The stored response was written by this application: the input rules do not apply.
            return StrictJson.trusted(json.readerFor(type)).readValue(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
