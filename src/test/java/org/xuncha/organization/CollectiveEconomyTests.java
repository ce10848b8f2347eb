package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A large collective economy (三资): funds and assets together of 500 万元 or more; resources do not count. */
class CollectiveEconomyTests {

    @Test
    void isLargeAtTheThreshold() {
        assertThat(economy("250", "250", "0").isLarge()).isTrue();
        assertThat(economy("500.00", "0", "0").isLarge()).isTrue();
    }

    @Test
    void isNotLargeJustBelowTheThreshold() {
        assertThat(economy("250", "249.99", "0").isLarge()).isFalse();
    }

    @Test
    void resourcesInMuDoNotCountTowardsTheThreshold() {
        assertThat(economy("10", "10", "100000").isLarge()).isFalse();
    }

    @Test
    void addsFundsAndAssets() {
        assertThat(economy("120.50", "79.50", "3").fundsAndAssets()).isEqualByComparingTo("200");
    }

    private static CollectiveEconomy economy(String funds, String assets, String resources) {
        return new CollectiveEconomy(new BigDecimal(funds), new BigDecimal(assets), new BigDecimal(resources));
    }
}
