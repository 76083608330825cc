package app.smallwins.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The app with its photos and videos in S3Proxy, a real S3-compatible store started for the profile. */
public class OnS3Profile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
}
