package org.xuncha.findings;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;

/**
 * A member records a finding from a household visit with a photo on a phone-sized screen and drafts its working
 * paper; the leader returns it with a comment, the member sees it and resubmits, the leader approves and the office
 * approves; the director raises a lead from it and transfers it to 区纪委监委, whose user confirms receipt.
 */
class FindingsBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficeReachesTheListFromTheNavigationFiltersItAndSeesTheDatabasesCount() {
        FindingsTestSupport.awaitDemo(jdbc);
        signIn("office");
        page.locator("#nav").getByText("巡察发现问题").click();
        // the list opens on the latest round the office may see (one with 村居)
        long round = jdbc.sql("select r.id from planning.round r where exists (select 1 from planning.round_locality v"
                        + " where v.round_id = r.id) order by r.entry_date desc, r.id desc limit 1")
                .query(Long.class)
                .single();
        long approved = jdbc.sql("select count(*) from findings.finding where round_id = :r and state = 'APPROVED'")
                .param("r", round)
                .query(Long.class)
                .single();
        page.getByTestId("state-select").selectOption("APPROVED");
        page.getByTestId("filter").click();
        assertThat(page.getByTestId("finding-counts")).containsText("发现问题 " + approved + " 个，已审定 " + approved + " 个");
        assertThat(page.getByTestId("export-findings")).isVisible();
        screenshot("findings-list-filtered");
    }

    @Test
    void fromAVisitToAnApprovedFindingAndAReceivedLead() {
        FindingsTestSupport.awaitDemo(jdbc);
        page.onDialog(dialog -> dialog.accept());

        // the member, on a phone
        page.setViewportSize(390, 844);
        signIn("groupmember");
        page.navigate(url("/findings"));
        page.getByTestId("record-finding").first().click();
        page.selectOption("#categoryId", new SelectOption().setLabel("民生保障"));
        page.fill("#description", "入户走访发现，危房改造户王某家改造后仍漏雨，验收记录与实际不符。");
        page.selectOption("#sourceKind", "VISIT");
        page.fill("#sourceNote", "入户走访（危房改造户）");
        page.setInputFiles("#photo", new FilePayload("漏雨照片.png", "image/png", FindingsDemo.photo("漏雨")));
        screenshot("findings-new-phone");
        page.getByTestId("save-finding").click();
        assertThat(page.getByTestId("finding-state")).hasText("草稿");
        assertThat(page.getByTestId("evidence")).containsText("漏雨照片.png");
        String findingUrl = page.url();
        page.fill("#facts", "走访危房改造户王某，房屋改造后屋顶仍漏雨，村里验收记录写“合格”。");
        page.fill("#ruleBroken", "危房改造竣工验收有关规定");
        page.fill("#proposedHandling", "重新组织验收，督促施工方返修。");
        page.getByTestId("submit-paper").click();
        assertThat(page.getByTestId("finding-state")).hasText("待组长审批");
        screenshot("findings-submitted-phone");

        // the leader returns it
        context.clearCookies();
        page.setViewportSize(1280, 860);
        signIn("groupleader");
        page.locator("#nav").getByText("底稿待办").click();
        assertThat(page.getByTestId("queue-leader")).containsText("王某");
        page.getByTestId("queue-leader").getByText("王某").first().click();
        page.fill("#leader-comment", "请补充验收人员姓名和返修时限。");
        page.getByTestId("leader-return").click();
        assertThat(page.getByTestId("finding-state")).hasText("已退回");

        // the member sees the comment and resubmits
        context.clearCookies();
        signIn("groupmember");
        page.navigate(findingUrl);
        assertThat(page.getByTestId("returned-comment")).containsText("请补充验收人员姓名和返修时限。");
        screenshot("findings-returned");
        page.fill("#proposedHandling", "重新组织验收（验收人：村委会委员李某），督促施工方15日内返修。");
        page.getByTestId("submit-paper").click();
        assertThat(page.getByTestId("finding-state")).hasText("待组长审批");

        // the leader approves, then the office
        context.clearCookies();
        signIn("groupleader");
        page.navigate(findingUrl);
        page.getByTestId("leader-approve").click();
        assertThat(page.getByTestId("finding-state")).hasText("待巡察办审核");
        context.clearCookies();
        signIn("office");
        page.locator("#nav").getByText("底稿待办").click();
        page.getByTestId("queue-office").getByText("王某").first().click();
        page.getByTestId("office-approve").click();
        assertThat(page.getByTestId("finding-state")).hasText("已审定");
        assertThat(page.getByTestId("paper-steps")).containsText("组长退回");
        screenshot("findings-approved");

        // the director raises a lead from it and transfers it
        context.clearCookies();
        signIn("director");
        page.navigate(findingUrl);
        page.getByTestId("raise-lead").click();
        page.fill("#persons", "村委会委员李某");
        page.selectOption("#receiver", "DISCIPLINE_COMMISSION");
        page.getByTestId("save-lead").click();
        assertThat(page.getByTestId("lead-state")).hasText("待移交");
        page.getByTestId("transfer").click();
        assertThat(page.getByTestId("lead-state")).hasText("已移交");
        assertThat(page.getByTestId("lead-number")).containsText("睢巡移〔");
        String number = page.getByTestId("lead-number").textContent().strip();
        screenshot("lead-transferred");

        // 区纪委监委 confirms receipt
        context.clearCookies();
        signIn("receiver");
        page.locator("#nav").getByText("问题线索台账").click();
        page.getByTestId("leads").getByText(number).click();
        assertThat(page.getByTestId("lead-content")).containsText("村委会委员李某");
        page.getByTestId("receive").click();
        assertThat(page.getByTestId("lead-state")).hasText("已签收");
        screenshot("lead-received");

        // office staff see the lead's number and state, not its content
        context.clearCookies();
        signIn("office");
        page.navigate(url("/leads"));
        page.getByTestId("leads").getByText(number).click();
        assertThat(page.getByTestId("lead-confidential")).isVisible();
        assertThat(page.locator("body")).not().containsText("村委会委员李某");
        screenshot("lead-office-view");
    }
}
