package org.xuncha.organization;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.BrowserTest;

/** The region registry in a real browser: a township's view, the 村居 page with its forms, the htmx filter. */
class RegistryBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTownshipLiaisonSeesOnlyTheirTownship() {
        signIn("liaison");

        assertThat(page.getByTestId("region-name")).hasText("坞墙镇");
        assertThat(page.getByTestId("count-localities")).hasText("26");
        assertThat(page.getByTestId("children").locator("tbody tr")).hasCount(26);
        assertThat(page.getByTestId("count-townships")).hasCount(0);
        screenshot("liaison-tree");

        page.locator("#nav").getByText("村居列表").click();
        assertThat(page.getByTestId("result-count")).hasText("共 26 个村居");
        assertThat(page.locator("select[name=township] option")).hasText(new String[] {"全部", "坞墙镇"});

        Response response = page.navigate(url("/localities/" + firstLocalityOf("冯桥镇")));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator(".error-code")).hasText("404");
        assertThat(page.locator("h1")).hasText("未找到");
        assertThat(page.getByText("不在您的数据范围内")).isVisible();
        assertThat(page.locator("body")).not().containsText("冯桥镇");
        assertThat(page.locator(".langs a").nth(1))
                .hasAttribute("href", "/localities/" + firstLocalityOf("冯桥镇") + "?lang=zh_TW");
        screenshot("scope-404");
    }

    @Test
    void theLocalityPageShowsTheRosterAndTakesAnOverrideWithItsReason() {
        long id = firstLocalityOf("坞墙镇");
        long special = count("""
                select count(*) from organization.household where locality_id = ?
                  and (five_guarantees or minimum_living or dilapidated_housing)""", id);
        signIn("office");
        page.navigate(url("/localities/" + id));

        assertThat(page.locator(".breadcrumb")).containsText("坞墙镇");
        assertThat(page.getByTestId("household-count")).hasText(Pattern.compile("共 \\d+ 户"));
        assertThat(page.locator("#households tbody tr").first()).containsText("第");
        page.locator("#households").getByText("特殊户").click();
        assertThat(page.getByTestId("household-count")).hasText("共 " + special + " 户");

        String suggested = page.getByTestId("suggested-intensity").textContent();
        String other = suggested.equals("重点巡察") ? "快进快出" : "重点巡察";
        page.locator("#intensity-select").selectOption(new SelectOption().setLabel(other));
        page.locator("#reason").fill("");
        page.locator("form[action$='#intensity'] button[type=submit]").click();
        assertThat(page.locator(".field-error")).containsText("请填写调整理由");

        page.locator("#reason").fill("巡前摸底：村两委班子近期调整，群众反映较多");
        page.locator("form[action$='#intensity'] button[type=submit]").click();
        assertThat(page.getByText("实际采用")).isVisible();
        assertThat(page.getByText("巡前摸底：村两委班子近期调整，群众反映较多")).isVisible();
        assertThat(page.locator(".notice.success")).hasText("已保存。");
        screenshot("locality");

        page.getByText("编辑", new Page.GetByTextOptions().setExact(true)).click();
        assertThat(page.locator("h1")).containsText("编辑");
        assertThat(page.locator("#population")).not().isEmpty();
        screenshot("locality-edit");
    }

    @Test
    void theLocalityListFiltersByIntensityThroughHtmx() {
        signIn("office");
        page.locator("#nav").getByText("村居列表").click();
        assertThat(page.getByTestId("result-count")).hasText("共 349 个村居");
        page.evaluate("() => window.stillThisPage = true");
        // htmx is loaded deferred: the change must not happen before it has bound the form
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");

        page.locator("select[name=intensity]").selectOption("FOCUSED");

        long focused = count("select count(*) from organization.locality"
                + " where coalesce(intensity_override, suggested_intensity) = 'FOCUSED'");
        assertThat(page.getByTestId("result-count")).hasText("共 " + focused + " 个村居");
        page.waitForURL(u -> u.contains("intensity=FOCUSED"));
        assertThat(page.evaluate("() => window.stillThisPage === true")).isEqualTo(true);
        Locator badges = page.locator("#results tbody .badge");
        assertThat(badges).hasCount((int) Math.min(focused, 20));
        assertThat(page.locator("#results tbody .badge.expedited")).hasCount(0);
        screenshot("localities-focused");
    }

    private long firstLocalityOf(String township) {
        return jdbc.sql("""
                        select r.id from organization.region r join organization.region t on t.id = r.parent_id
                        where t.name = ? order by r.code limit 1
                        """).param(township).query(Long.class).single();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
