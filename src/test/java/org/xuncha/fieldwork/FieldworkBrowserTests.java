package org.xuncha.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;

/**
 * At phone size (390×844): a group member picks their 村居, finds an unvisited special household and records the visit,
 * and the count of special households still open goes down; the office opens a notice's print page and its QR code
 * decodes to the public report URL of the round and 村居.
 */
class FieldworkBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    long pilot;
    long mine;

    @BeforeEach
    void phoneAndDemo() {
        page.setViewportSize(390, 844);
        Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.sql("select count(*) from planning.round where kind = 'PILOT'"
                                        + " and state = 'FIELDWORK_FINISHED'")
                                .query(Long.class)
                                .single()
                        == 1);
        pilot = jdbc.sql("select id from planning.round where kind = 'PILOT'")
                .query(Long.class)
                .single();
        mine = jdbc.sql("select gl.locality_id from planning.group_locality gl join planning.group_member gm on"
                        + " gm.group_id = gl.group_id join inspectors.inspector i on i.id = gm.inspector_id"
                        + " where gl.round_id = :r and i.linked_username = 'groupmember' order by gl.locality_id"
                        + " limit 1")
                .param("r", pilot)
                .query(Long.class)
                .single();
    }

    @Test
    void aMemberRecordsAVisitOnThePhoneAndTheGapCountGoesDown() {
        // two special households of the member's 村居 whose visits were never entered (the demo visited all)
        List<Long> reopened = jdbc.sql("select h.id from organization.household h where h.locality_id = :l and"
                        + " (h.five_guarantees or h.minimum_living or h.dilapidated_housing) and exists (select 1 from"
                        + " fieldwork.household_visit v where v.household_id = h.id and v.round_id = :r)"
                        + " order by h.code limit 2")
                .param("l", mine)
                .param("r", pilot)
                .query(Long.class)
                .list();
        jdbc.sql("delete from fieldwork.household_visit where round_id = :r and household_id in (:h)")
                .param("r", pilot)
                .param("h", reopened)
                .update();

        signIn("groupmember");
        page.navigate(url("/fieldwork/rounds/" + pilot + "/visit"));
        page.selectOption("[data-testid=pick-locality]", String.valueOf(mine));
        page.waitForURL(u -> u.contains("locality=" + mine));
        page.waitForSelector("[data-testid=gap-count]");
        assertThat(page.textContent("[data-testid=gap-count]")).contains("2");
        screenshot("fieldwork-phone-pick");

        page.locator("[data-testid=candidates] a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("未走访"))
                .first()
                .click();
        page.waitForSelector("[data-testid=visit-form]");
        page.locator("[data-testid=visit-form] input[name=inspectors]").first().check();
        page.fill("textarea[name=raised]", "反映低保金发放时间不固定。");
        page.check("[data-testid=satisfaction-BASICALLY_SATISFIED]");
        screenshot("fieldwork-phone-form");
        page.click("[data-testid=save-visit]");
        page.waitForSelector("[data-testid=visit-saved]");
        assertThat(page.textContent("[data-testid=gap-count]")).contains("1").doesNotContain("2");
        screenshot("fieldwork-phone-saved");
        assertThat(jdbc.sql(
                                "select count(*) from fieldwork.household_visit where round_id = :r and household_id in (:h)")
                        .param("r", pilot)
                        .param("h", reopened)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theOfficePrintsANoticeWhoseQrCodeOpensTheReportPageOfTheRoundAndLocality() throws Exception {
        page.setViewportSize(1280, 900);
        signIn("office");
        page.navigate(url("/fieldwork/rounds/" + pilot));
        screenshot("fieldwork-overview");
        page.navigate(url("/fieldwork/rounds/" + pilot + "/localities/" + mine + "/notice"));
        String src = page.getAttribute("[data-testid=notice-qr]", "src");
        assertThat(src).startsWith("data:image/png;base64,");
        byte[] png = Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1));
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(
                        new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png))))))
                .getText();
        assertThat(decoded).isEqualTo(url("/report?round=" + pilot + "&locality=" + mine));
        screenshot("fieldwork-notice");
    }
}
