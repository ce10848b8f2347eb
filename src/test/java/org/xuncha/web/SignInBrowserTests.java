package org.xuncha.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xuncha.BrowserTest;

/** Office staff sign in and see 睢阳区 with 19 township units and 349 村居. */
class SignInBrowserTests extends BrowserTest {

    @Test
    void officeStaffSeeTheDistrictAfterSigningIn() {
        page.navigate(url("/"));
        assertThat(page.locator("h1")).hasText("巡察村居工作平台");
        screenshot("login");
        signIn("office");
        assertThat(page.getByTestId("region-name")).hasText("睢阳区");
        assertThat(page.getByTestId("count-townships")).hasText("19");
        assertThat(page.getByTestId("count-localities")).hasText("349");
        screenshot("district-tree");
    }
}
