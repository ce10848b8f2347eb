package org.xuncha.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.Test;
import org.xuncha.BrowserTest;

/** The one layout: languages switched from any page and remembered, and a phone-sized screen. */
class LayoutBrowserTests extends BrowserTest {

    @Test
    void switchesBetweenSimplifiedTraditionalAndEnglish() {
        signIn("office");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("#nav")).containsText("区域名册");

        page.locator(".langs").getByText("繁體").click();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-TW");
        assertThat(page.locator("#nav")).containsText("區域名冊");
        assertThat(page.locator(".cards")).containsText("鄉鎮（街道）");
        assertThat(page.getByTestId("region-name")).hasText("睢阳区");
        screenshot("lang-zh-tw");

        page.locator(".langs").getByText("EN").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("#nav")).containsText("Region registry");
        assertThat(page.locator(".cards")).containsText("Township units");
        assertThat(page.locator("table[data-testid=children] thead")).containsText("Households");
        screenshot("lang-en");

        page.locator("#nav").getByText("Villages & communities").click();
        assertThat(page.locator("h1")).hasText("Villages & communities");

        page.locator(".langs").getByText("简体").click();
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        assertThat(page.locator("h1")).hasText("村居列表");
        assertThat(page.getByTestId("result-count")).hasText("共 349 个村居");
    }

    @Test
    void fitsAPhoneScreen() {
        page.setViewportSize(390, 844);
        signIn("office");
        assertThat(page.getByTestId("region-name")).hasText("睢阳区");

        assertThat(page.locator("#nav")).isHidden();
        page.locator(".nav-toggle").click();
        assertThat(page.locator("#nav")).isVisible();
        assertThat(page.locator(".nav-toggle")).hasAttribute("aria-expanded", "true");
        BoundingBox bar = page.locator(".topbar").boundingBox();
        assertThat(page.locator("#nav").boundingBox().y)
                .as("menu below the bar")
                .isGreaterThanOrEqualTo(bar.y + bar.height - 1);
        assertThat(page.locator(".brand").boundingBox().height)
                .as("name on one line")
                .isLessThan(30);
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        screenshot("mobile");

        page.locator("#nav").getByText("村居列表").click();
        assertThat(page.getByTestId("result-count")).hasText("共 349 个村居");
        assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .isEqualTo(true);
        screenshot("mobile-localities");
    }
}
