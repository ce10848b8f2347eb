package org.xuncha.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;

/**
 * The leader sees the dashboard with its charts drawn, opens the scorecard, clicks a figure and lands on its list
 * with the same count; the office downloads the annual summary and its figures are the scorecard's.
 */
class StatisticsBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    long pilot;

    @BeforeEach
    void pilotIsReady() {
        pilot = StatisticsWebTests.awaitPilot(jdbc);
    }

    @Test
    void theLeaderSeesTheDashboardAndDrillsIntoAFigure() {
        signIn("leader");
        page.navigate(url("/dashboard?round=" + pilot));
        page.waitForSelector("#dashboard[data-loaded=true]");
        assertThat(page.locator("[data-chart] canvas").count()).isGreaterThanOrEqualTo(6);
        screenshot("statistics-dashboard");

        page.navigate(url("/statistics?round=" + pilot));
        screenshot("statistics-scorecard");
        String shown =
                page.locator("[data-figure=FINDINGS] .figure").innerText().trim();
        assertThat(Long.parseLong(shown)).isPositive();
        page.click("[data-figure=FINDINGS]");
        page.waitForURL(u -> u.contains("/statistics/records"));
        assertThat(page.locator("[data-testid=count]").innerText().trim()).isEqualTo(shown);
        screenshot("statistics-records");

        page.navigate(url("/statistics?round=" + pilot));
        String category =
                page.locator("[data-breakdown=FINDINGS] a").first().innerText().trim();
        page.locator("[data-breakdown=FINDINGS] a").first().click();
        page.waitForURL(u -> u.contains("key="));
        assertThat(page.locator("[data-testid=count]").innerText().trim()).isEqualTo(category);
    }

    @Test
    void theOfficeDownloadsTheAnnualSummaryWithTheScorecardsFigures() throws Exception {
        signIn("office");
        int year = jdbc.sql("select extract(year from entry_date)::int from planning.round where id = :id")
                .param("id", pilot)
                .query(Integer.class)
                .single();
        page.navigate(url("/statistics?year=" + year));
        screenshot("statistics-scorecard-year");
        long rounds = figure("ROUNDS");
        long inspected = figure("LOCALITIES_INSPECTED");
        long findings = figure("FINDINGS");
        long leads = figure("LEADS_TRANSFERRED");
        long fixed = figure("FIXED_ON_THE_SPOT");
        long personTimes = figure("TALK_PERSON_TIMES");
        long households = figure("HOUSEHOLDS_VISITED");
        String coverage =
                page.locator("[data-testid=coverage]").innerText().trim().replace("%", "");
        Download download = page.waitForDownload(() -> page.click("[data-testid=summary-docx]"));
        String text;
        try (InputStream in = Files.newInputStream(download.path());
                XWPFDocument doc = new XWPFDocument(in);
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            text = extractor.getText();
        }
        assertThat(text)
                .contains(year + "年度巡察村居工作总结")
                .contains("全年，共开展巡察" + rounds + "轮，巡察村（社区）" + inspected + "个，覆盖率" + coverage + "%，发现问题" + findings
                        + "个，移交问题线索" + leads + "件，立行立改" + fixed + "个。")
                .contains("个别谈话和座谈" + personTimes + "人次，走访农户" + households + "户");
        assertThat(findings).isPositive();
    }

    private long figure(String name) {
        String text =
                page.locator("[data-figure=" + name + "] .figure").innerText().trim();
        Matcher m = Pattern.compile("\\d+").matcher(text);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group());
    }
}
