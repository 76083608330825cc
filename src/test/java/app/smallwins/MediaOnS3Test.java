package app.smallwins;

import static app.smallwins.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import app.smallwins.support.CareTeam;
import app.smallwins.support.OnS3Profile;
import app.smallwins.support.Records;
import app.smallwins.support.TestMedia;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Every media test again, with the bytes in an S3-compatible object store: a real S3Proxy
 * started for this profile (the deployment with several nodes). Both stores pass the same suite.
 */
@QuarkusTest
@TestProfile(OnS3Profile.class)
class MediaOnS3Test extends MediaApiTest {

    @Test
    void theBytesGoToTheObjectStoreNotTheLocalDisk() throws IOException {
        assertEquals("S3", ConfigProvider.getConfig().getValue("smallwins.media.store", String.class));
        CareTeam team = new CareTeam();
        as(team.parent).body(Map.of("consent", "TEAM")).put(team.childPath() + "/media-consent").then().statusCode(200);
        String id = Records.upload(team.teacher, team.childId, "image/png", TestMedia.png(16, 16));
        List<String> keys = new ArrayList<>();
        store.list(team.childId + "/", object -> keys.add(object.key()));
        assertEquals(3, keys.size());
        Path local = Path.of(ConfigProvider.getConfig().getValue("smallwins.media.directory", String.class));
        assertFalse(Files.exists(local.resolve(team.childId).resolve(id)), "nothing of it on the local disk");
    }
}
