package org.xuncha.intake;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;

/**
 * A phone-sized browser follows the QR code's URL to the report page, reports with a photo, keeps its receipt code
 * and checks the status; the group leader finds the petition and triages it; the status then shows the reply.
 */
class PublicReportBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    long pilot;
    long locality;

    @BeforeEach
    void demoIsLoaded() {
        IntakeFixtures.awaitDemo(jdbc);
        pilot = IntakeFixtures.pilot(jdbc);
        locality = IntakeFixtures.ofGroupOf(jdbc, "groupleader").get(0);
        page.setViewportSize(390, 844);
    }

    @Test
    void aPhoneReportsWithAPhotoGetsAReceiptAndTheLeaderTriagesIt() throws Exception {
        Path photo = Files.write(dir.resolve("门口.jpg"), IntakeFixtures.jpegWithExif());
        page.navigate(url("/report?round=" + pilot + "&locality=" + locality));
        assertThat(page.getByTestId("report-target")).containsText(IntakeFixtures.localityName(jdbc, locality));
        assertThat(page.getByTestId("anonymous-notice")).containsText("默认匿名");
        screenshot("intake-report-form-phone");

        page.selectOption("#category", "COLLECTIVE_ASSETS");
        page.fill("#content", "村里把集体林地低价租给了支书的亲戚，租金没有公开。");
        page.fill("#place", "村北集体林地");
        page.fill("#occurred", "今年春天");
        page.setInputFiles("#photos", photo);
        page.getByTestId("submit-report").click();
        page.waitForURL(u -> u.endsWith("/report/receipt"));
        String receipt = page.getByTestId("receipt-code").textContent().strip();
        assertThat(receipt).matches("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
        screenshot("intake-receipt-phone");
        assertThat(jdbc.sql("select count(*) from intake.petition_photo ph join intake.petition p on p.id ="
                                + " ph.petition_id where p.content like '%集体林地低价%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("查询办理情况"))
                .click();
        page.fill("#code", receipt);
        page.getByTestId("check-status").click();
        assertThat(page.getByTestId("status")).hasText("受理");
        screenshot("intake-status-received-phone");

        context.clearCookies();
        page.setViewportSize(1280, 860);
        signIn("groupleader");
        page.navigate(url("/petitions"));
        page.getByText("村里把集体林地低价租给了支书的亲戚").first().click();
        assertThat(page.getByTestId("petition-content")).containsText("集体林地低价");
        assertThat(page.locator("img.petition-photo")).hasCount(1);
        page.locator("input[name=triage][value=FORWARDED]").check();
        page.fill("#forwardedTo", "区自然资源局");
        page.fill("#reason", "林地租赁合同效力问题由主管部门认定。");
        page.fill("#publicReply", "您反映的林地租赁问题已转区自然资源局办理。");
        page.getByTestId("triage").click();
        assertThat(page.getByTestId("triaged")).isVisible();
        assertThat(page.getByTestId("petition-status")).hasText("已办结");
        screenshot("intake-petition-triaged");

        context.clearCookies();
        page.setViewportSize(390, 844);
        page.navigate(url("/report/status"));
        page.fill("#code", receipt.toLowerCase());
        page.getByTestId("check-status").click();
        assertThat(page.getByTestId("status")).hasText("已办结");
        assertThat(page.getByTestId("reply")).hasText("您反映的林地租赁问题已转区自然资源局办理。");
        screenshot("intake-status-concluded-phone");
    }

    @Test
    void thePageRefusesTooManyOrTooLargePhotosBeforeUploadingThem() throws Exception {
        page.navigate(url("/report?round=" + pilot + "&locality=" + locality));
        assertThat(context.cookies()).allMatch(c -> c.name.equals("XUNCHA_SESSION"));
        byte[] big = new byte[11 * 1024 * 1024];
        System.arraycopy(IntakeFixtures.png(), 0, big, 0, 8);
        Path tooLarge = Files.write(dir.resolve("big.png"), big);
        page.selectOption("#category", "OTHER");
        page.fill("#content", "太大的照片");
        page.setInputFiles("#photos", tooLarge);
        assertThat(page.getByTestId("photos-error")).containsText("“照片”每张不能超过 10 MB");
        page.getByTestId("submit-report").click();
        assertThat(page.getByTestId("photos-error")).containsText("“照片”每张不能超过 10 MB");
        Path[] six = new Path[6];
        for (int i = 0; i < 6; i++) {
            six[i] = Files.write(dir.resolve("p" + i + ".png"), IntakeFixtures.png());
        }
        page.setInputFiles("#photos", six);
        assertThat(page.getByTestId("photos-error")).containsText("“照片”最多 5 张");
        screenshot("intake-report-photo-refused-phone");
        assertThat(page.url()).contains("/report?round=");
        assertThat(jdbc.sql("select count(*) from intake.petition where content = '太大的照片'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
