package app.smallwins.bench;

import org.junit.jupiter.api.Tag;

import app.smallwins.support.OnS3Profile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link MediaBenchmark} with the bytes in S3Proxy (its filesystem backend, on the same machine). */
@QuarkusTest
@TestProfile(OnS3Profile.class)
@Tag("bench")
class MediaOnS3Benchmark extends MediaBenchmark {
}
