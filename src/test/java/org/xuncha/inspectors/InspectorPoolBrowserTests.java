package org.xuncha.inspectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;

/** Office staff open the pool, filter the leader tier by 财务, open a person and record a manual recusal. */
class InspectorPoolBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void officeFiltersThePoolAndRecordsAManualRecusal() {
        long leadersInFinance = jdbc.sql("select count(*) from inspectors.inspector where tier = 'LEADER_TIER'"
                        + " and 'FINANCE' = any(expertise)")
                .query(Long.class)
                .single();
        signIn("office");
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("巡察人才库"))
                .click();
        assertThat(page.locator("h1")).hasText("巡察人才库");
        assertThat(page.getByTestId("result-count")).hasText("共 180 人");

        page.getByTestId("filter-tier").selectOption(new SelectOption().setLabel("组长（副组长）库"));
        page.waitForURL(url -> url.contains("tier=LEADER_TIER"));
        assertThat(page.getByTestId("result-count")).hasText("共 80 人");
        page.getByTestId("filter-expertise").selectOption(new SelectOption().setLabel("财务"));
        page.waitForURL(url -> url.contains("expertise=FINANCE"));
        assertThat(page.getByTestId("result-count")).hasText("共 " + leadersInFinance + " 人");
        screenshot("pool");

        Locator first = page.locator("#results tbody tr td a").first();
        String name = first.textContent();
        first.click();
        assertThat(page.getByTestId("inspector-name")).hasText(name);
        Locator form = page.getByTestId("recusal-form");
        form.locator("select[name=townshipId]").selectOption(new SelectOption().setLabel("坞墙镇"));
        form.locator("input[name=reason]").fill("曾在坞墙镇挂职任党委副书记");
        form.locator("button[type=submit]").click();
        assertThat(page.locator(".notice.success")).isVisible();
        Locator recusals = page.getByTestId("recusals");
        assertThat(recusals).containsText("坞墙镇");
        assertThat(recusals).containsText("曾在坞墙镇挂职任党委副书记");
        assertThat(recusals).containsText("office");
        screenshot("inspector");

        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Page.GetByRoleOptions()
                                .setName("编辑")
                                .setExact(true))
                .click();
        assertThat(page.locator("#name")).hasValue(name);
        screenshot("inspector-edit");
        page.navigate(url("/inspectors/policy"));
        assertThat(page.locator("h1")).hasText("回避规则设置");
        screenshot("recusal-policy");
    }
}
