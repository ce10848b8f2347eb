package org.xuncha.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuncha.BrowserTest;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;

/**
 * 三员分立 end to end: the system admin creates an account and hands out its one-time password, the security admin
 * makes it the liaison of 冯桥镇, the new user must change the password and then sees 冯桥镇 only, and the audit
 * admin finds all of it in the audit log and verifies the chain.
 */
class SeparationOfDutiesBrowserTests extends BrowserTest {

    private static final String USERNAME = "gaofeng";
    private static final String NAME = "冯桥镇联络员 高峰";
    private static final String NEW_PASSWORD = "Fengqiao-river-2026";

    @Autowired
    Regions regions;

    @Test
    void accountFromCreationToAuditedUse() {
        signIn("sysadmin");
        assertThat(page).hasURL(url("/admin/users"));
        page.fill("#username", USERNAME);
        page.fill("#displayName", NAME);
        page.click("[data-testid=create-account] button[type=submit]");
        assertThat(page.getByTestId("new-username")).hasText(USERNAME);
        String oneTimePassword =
                page.getByTestId("one-time-password").textContent().strip();
        assertThat(oneTimePassword).hasSize(14);
        capture("admin-one-time-password");
        page.click("text=返回用户管理");
        Locator row = page.locator("tr[data-username=" + USERNAME + "]");
        assertThat(row).containsText(NAME);
        assertThat(row).containsText("（未分配）");
        assertThat(page.locator("tr[data-username=sysadmin]")).containsText("本人账户");
        capture("admin-users");
        signOut();

        signIn("secadmin");
        assertThat(page).hasURL(url("/security/users"));
        page.locator("tr[data-username=" + USERNAME + "] a").click();
        page.selectOption("#role", "TOWNSHIP_LIAISON");
        page.getByLabel("冯桥镇", new Page.GetByLabelOptions().setExact(true)).check();
        capture("security-assign");
        page.click("button.primary");
        assertThat(page).hasURL(url("/security/users"));
        assertThat(page.locator("tr[data-username=" + USERNAME + "]")).containsText("冯桥镇");
        assertThat(page.locator("tr[data-username=" + USERNAME + "]")).containsText("乡镇联络员");
        signOut();

        page.navigate(url("/login"));
        page.fill("#username", USERNAME);
        page.fill("#password", oneTimePassword);
        page.click("button[type=submit]");
        assertThat(page).hasURL(url("/account/password"));
        page.navigate(url("/regions"));
        assertThat(page).hasURL(url("/account/password"));
        page.fill("#currentPassword", oneTimePassword);
        page.fill("#newPassword", NEW_PASSWORD);
        page.fill("#confirmPassword", NEW_PASSWORD);
        page.click("button.primary");
        long fengqiao = regions.findByName("冯桥镇").map(RegionSummary::id).orElseThrow();
        assertThat(page).hasURL(url("/regions/" + fengqiao));
        assertThat(page.getByTestId("region-name")).hasText("冯桥镇");
        page.navigate(url("/regions"));
        assertThat(page).hasURL(url("/regions/" + fengqiao));
        signOut();

        signIn("auditor");
        assertThat(page).hasURL(url("/audit"));
        Locator log = page.locator("table.audit");
        assertThat(log.locator("tr[data-action=CREATE]").filter(new Locator.FilterOptions().setHasText("sysadmin")))
                .not()
                .hasCount(0);
        assertThat(log.locator("tr[data-action=ROLE_ASSIGNED]")
                        .filter(new Locator.FilterOptions().setHasText(USERNAME)))
                .hasCount(1);
        assertThat(log.locator("tr[data-action=PASSWORD_CHANGED]")
                        .filter(new Locator.FilterOptions().setHasText(USERNAME)))
                .hasCount(1);
        page.getByTestId("verify-chain").click();
        assertThat(page.getByTestId("chain-result")).containsText("哈希链完整");
        capture("audit-log");
    }

    /** Screenshots only once the whole page has arrived (Thymeleaf streams long pages). */
    private void capture(String name) {
        page.waitForLoadState(LoadState.LOAD);
        screenshot(name);
    }

    private void signOut() {
        page.click("form[action$='/logout'] button");
        page.waitForURL(u -> u.contains("/login"));
    }
}
