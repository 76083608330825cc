package app.smallwins.e2e;

import static app.smallwins.e2e.support.Api.as;
import static app.smallwins.e2e.support.Api.childPath;
import static app.smallwins.e2e.support.DemoUser.ALICE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import app.smallwins.e2e.support.Api;
import app.smallwins.e2e.support.AppNode;
import app.smallwins.e2e.support.E2eSettings;
import app.smallwins.e2e.support.EndToEnd;
import app.smallwins.e2e.support.Keycloak;
import app.smallwins.e2e.support.Person;
import app.smallwins.support.TestMedia;

/**
 * The story end to end, across the two instances and the object store they share
 * (S3Proxy): a parent gives consent, a teacher posts a win with a phone photo through
 * instance A, and the parent, through instance B, sees it in the timeline with its thumbnail
 * and opens the original, which carries no GPS tag.
 */
@EndToEnd
class MediaE2EIT {

    private static final AppNode NODE_B = E2eSettings.current().secondApp();

    @Test
    void aWinWithAPhotoPostedThroughOneNodeIsSeenThroughTheOtherWithoutItsLocation() throws Exception {
        Person teacher = Keycloak.newUser("teacher");
        Person parent = Keycloak.newUser("parent");
        String childId = Api.createChild(ALICE.person, "Sam Okafor");
        Api.invite(ALICE.person, childId, teacher.email(), "teacher", "class teacher");
        as(teacher).get(Api.BASE + "/me").then().statusCode(200);
        Api.invite(teacher, childId, parent.email(), "parent", "mother");
        as(parent).get(Api.BASE + "/me").then().statusCode(200);

        as(parent).body(Map.of("consent", "TEAM")).put(childPath(childId) + "/media-consent").then().statusCode(200);
        byte[] phonePhoto = TestMedia.withGpsAndOrientation(TestMedia.jpeg(640, 480), 51.5007, -0.1246, 1);
        String mediaId = as(teacher).contentType("image/jpeg").body(phonePhoto).post(childPath(childId) + "/media")
                .then().statusCode(201).extract().path("id");
        as(teacher).body(Map.of("kind", "WIN", "text", "Sam did up every button of his coat", "setting", "CLASSROOM",
                "mediaIds", List.of(mediaId))).post(childPath(childId) + "/observations").then().statusCode(201);

        Map<String, Object> attachment = as(parent).baseUri(NODE_B.url()).get(childPath(childId) + "/timeline").then()
                .statusCode(200).body("items[0].observation.attachments", hasSize(1))
                .body("items[0].observation.attachments[0].id", equalTo(mediaId))
                .extract().path("items[0].observation.attachments[0]");
        String token = Keycloak.token(parent).raw();
        byte[] thumbnail = given().baseUri(NODE_B.url()).auth().oauth2(token).accept("*/*")
                .get((String) attachment.get("thumbnailPath")).then().statusCode(200).contentType("image/jpeg")
                .extract().asByteArray();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertEquals(320, small.getWidth());
        byte[] original = given().baseUri(NODE_B.url()).auth().oauth2(token).accept("*/*")
                .get((String) attachment.get("path")).then().statusCode(200).contentType("image/jpeg").extract()
                .asByteArray();
        assertEquals(640, ImageIO.read(new ByteArrayInputStream(original)).getWidth());
        assertFalse(TestMedia.hasExif(original), "the stored photo carries no EXIF, so no GPS tag");
        assertFalse(TestMedia.hasMetadataSegments(original));
    }
}
