package org.xuncha.rectification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;

/**
 * A demo problem from the ledger to close-out in the browser: the 坞墙镇 liaison writes the plan and submits the task
 * with a photo as evidence, the supervision group returns it as perfunctory, the liaison resubmits, the office closes
 * it out; then a revisit survey entered on a phone moves the satisfaction index.
 */
class RectificationBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demoIsLoaded() {
        RectificationWebTests.awaitDemo(jdbc);
    }

    @Test
    void aTaskGoesFromPlanThroughAReturnToCloseOut() throws Exception {
        long id = jdbc.sql("select id from rectification.task where township_name = '坞墙镇' and state = 'OPEN'"
                        + " and petition_id is null and feedback_id < 0 order by id limit 1")
                .query(Long.class)
                .single();
        signIn("liaison");
        page.locator("#nav").getByText("整改台账").click();
        assertThat(page.getByTestId("tasks")).not().containsText("冯桥镇");
        screenshot("rectification-ledger-liaison");
        page.navigate(url("/rectification/tasks/" + id));
        assertThat(page.getByTestId("task-state")).hasText("已挂账");
        page.locator("[data-testid=plan-form] textarea[name=measures]").fill("召开专题组织生活会，补齐“三会一课”台账并公开。");
        page.locator("[data-testid=plan-form] input[name=responsible]").fill("村党支部书记 张卫东");
        page.locator("[data-testid=plan-form] button[type=submit]").click();
        assertThat(page.locator("dl.facts")).containsText("召开专题组织生活会");

        Path photo = Files.createTempFile("evidence", ".png");
        Files.write(photo, png());
        page.locator("[data-testid=evidence-form] input[type=file]").setInputFiles(photo);
        page.locator("[data-testid=evidence-form] textarea[name=note]").fill("组织生活会现场照片");
        page.locator("[data-testid=evidence-form] button[type=submit]").click();
        assertThat(page.getByTestId("evidence")).containsText("v1");
        assertThat(page.getByTestId("evidence").locator("td.hash"))
                .hasText(java.util.regex.Pattern.compile("[0-9a-f]{64}"));
        page.getByTestId("submit-task").click();
        assertThat(page.getByTestId("task-state")).hasText("待验收");
        screenshot("rectification-task-submitted");

        switchTo("supervisor");
        page.locator("#nav").getByText("督导检查").click();
        assertThat(page.getByTestId("awaiting")).containsText("坞墙镇");
        screenshot("supervision");
        page.navigate(url("/rectification/tasks/" + id));
        page.locator("[data-testid=return-form] select[name=reason]").selectOption("PERFUNCTORY");
        page.locator("[data-testid=return-form] textarea[name=note]").fill("照片为会议室空景，未见会议实际召开。");
        page.getByTestId("return-task").click();
        assertThat(page.getByTestId("task-state")).hasText("被退回");
        assertThat(page.getByTestId("history")).containsText("敷衍整改");
        screenshot("rectification-task-returned");

        switchTo("liaison");
        page.navigate(url("/rectification/tasks/" + id));
        page.locator("[data-testid=evidence-form] textarea[name=note]").fill("补充会议签到表和会议记录");
        page.locator("[data-testid=evidence-form] button[type=submit]").click();
        assertThat(page.getByTestId("evidence")).containsText("v2");
        page.getByTestId("submit-task").click();
        assertThat(page.getByTestId("task-state")).hasText("待验收");

        switchTo("office");
        page.navigate(url("/rectification/tasks/" + id));
        page.locator("[data-testid=close-form] textarea[name=note]").fill("经核查，整改到位。");
        page.getByTestId("close-out").click();
        assertThat(page.getByTestId("task-state")).hasText("已销号");
        assertThat(page.getByTestId("history")).containsText("销号");
        screenshot("rectification-task-closed-out");
        assertThat(jdbc.sql("select returns from rectification.task where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        page.locator("#nav").getByText("整改分析").click();
        assertThat(page.getByTestId("figures")).containsText("坞墙镇");
        screenshot("rectification-analysis");
        page.getByTestId("bell").click();
        assertThat(page.getByTestId("notifications")).containsText("预警");
        screenshot("notifications");
    }

    @Test
    void aSurveyOnAPhoneMovesTheSatisfactionIndex() {
        context.close();
        context = browserContextAtPhoneSize();
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        signIn("office");
        page.navigate(url("/revisits"));
        screenshot("revisits-phone");
        page.navigate(url(page.locator("[data-testid=revisits] a").first().getAttribute("href")));
        Locator index = page.getByTestId("revisit-index").locator("strong");
        String before = index.textContent();
        Locator form = page.getByTestId("phone-form");
        int questions = form.locator("fieldset").count();
        for (int q = 0; q < questions; q++) {
            form.locator("fieldset").nth(q).locator("input[value=DISSATISFIED]").check();
        }
        screenshot("revisit-phone-form");
        page.getByTestId("record-response").click();
        assertThat(page.getByTestId("recorded")).isVisible();
        String after = page.getByTestId("revisit-index").locator("strong").textContent();
        assertThat(Double.parseDouble(after)).isLessThan(Double.parseDouble(before));
        screenshot("revisit-phone-after");

        String survey = page.getByTestId("public-url").textContent();
        context.clearCookies();
        page.navigate(survey);
        assertThat(page.locator("h1")).hasText("群众满意度测评");
        screenshot("survey-public-phone");
    }

    private com.microsoft.playwright.BrowserContext browserContextAtPhoneSize() {
        return context.browser()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setLocale("zh-CN")
                        .setViewportSize(390, 844));
    }

    private void switchTo(String user) {
        context.clearCookies();
        signIn(user);
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 48; y++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 128);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
