package org.xuncha.feedback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;
import org.xuncha.Superuser;

/**
 * In the browser: the office sees the pilot round's feedback held back by unapproved findings; once they are approved
 * it generates the lists, records 坞墙镇's feedback meeting, issues the list and downloads it as .docx; the liaison of
 * 坞墙镇 finds it in the inbox on a phone; the office finds a finding by typing a few Chinese words.
 */
class FeedbackBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    PilotFindings pilot;

    @AfterEach
    void putTheDemoBack() {
        if (pilot != null) {
            pilot.restore(Superuser.jdbc(dataSource));
        }
    }

    @Test
    void theOfficeIssuesATownshipsListAndDownloadsItAndTheLiaisonReceivesIt() throws Exception {
        pilot = new PilotFindings(jdbc);
        pilot.remember();
        page.onDialog(dialog -> dialog.accept());

        signIn("office");
        page.locator("#nav").getByText("清单式反馈").click();
        page.getByTestId("feedback-round-" + pilot.roundId).click();
        assertThat(page.getByTestId("unapproved")).containsText("未经巡察办审定");
        page.getByTestId("generate").click();
        assertThat(page.getByTestId("feedback-error")).containsText("不能反馈");
        screenshot("feedback-round-unapproved");

        pilot.approveAll();
        page.getByTestId("generate").click();
        assertThat(page.locator("[data-testid=round-list]")).hasCount(4);
        screenshot("feedback-round-lists");

        page.getByTestId("list-坞墙镇").click();
        assertThat(page.getByTestId("list-state")).hasText("草稿");
        page.fill("[data-testid=meeting-on]", LocalDate.now().toString());
        page.fill("[data-testid=meeting-place]", "坞墙镇党委会议室");
        page.fill("[data-testid=meeting-attendees]", "镇党委班子成员，试点村居党组织书记，巡察组全体成员");
        page.getByTestId("meeting-save").click();
        assertThat(page.getByTestId("list-meeting")).containsText("坞墙镇党委会议室");
        page.getByTestId("issue").click();
        assertThat(page.getByTestId("list-state")).hasText("已反馈");
        assertThat(page.getByTestId("list-saved")).containsText("已发出反馈清单");
        screenshot("feedback-list-issued");

        Download download =
                page.waitForDownload(() -> page.getByTestId("download-docx").click());
        assertThat(download.suggestedFilename()).endsWith("坞墙镇巡察反馈问题清单.docx");
        long problems = jdbc.sql(
                        "select count(*) from findings.finding where round_id = :round" + " and township_name = '坞墙镇'")
                .param("round", pilot.roundId)
                .query(Long.class)
                .single();
        try (InputStream in = Files.newInputStream(download.path());
                XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(in))) {
            assertThat(text.getText()).contains("中共坞墙镇委员会").contains("共" + problems + "个问题");
        }

        page.navigate(url("/feedback/rounds/" + pilot.roundId + "/report"));
        assertThat(page.getByTestId("report-state")).hasText("草稿");
        assertThat(page.getByTestId("report-findings")).containsText("巡察共发现问题");
        screenshot("feedback-report-draft");

        page.locator("#nav").getByText("全文检索").click();
        page.fill("[data-testid=search-query]", "低保户认定不精准");
        page.getByTestId("search-submit").click();
        assertThat(page.locator("[data-testid=search-hit]").first()).isVisible();
        assertThat(page.locator("[data-testid=search-hit] mark").first()).isVisible();
        screenshot("search-hits");

        context.clearCookies();
        page.setViewportSize(390, 844);
        signIn("liaison");
        page.navigate(url("/feedback"));
        assertThat(page.getByTestId("feedback-count")).containsText("共 1 份");
        page.getByTestId("feedback-list-坞墙镇").click();
        assertThat(page.getByTestId("list-counts")).containsText("共 " + problems + " 个问题");
        assertThat(page.getByTestId("issue")).hasCount(0);
        screenshot("feedback-liaison-phone");
    }
}
