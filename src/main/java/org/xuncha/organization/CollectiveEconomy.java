package org.xuncha.organization;

import java.math.BigDecimal;

/**
 * A 村居's collective economy (三资): funds and assets in 万元, resources (land, ponds, forest) in 亩.
 *
 * @param funds 资金 (万元)
 * @param assets 资产 (万元)
 * @param resources 资源 (亩)
 */
record CollectiveEconomy(BigDecimal funds, BigDecimal assets, BigDecimal resources) {

    /** Funds and assets together at or above this (万元) make a large collective economy even when not flagged. */
    static final BigDecimal LARGE_THRESHOLD = new BigDecimal("500");

    public BigDecimal fundsAndAssets() {
        return funds.add(assets);
    }

    public boolean isLarge() {
        return fundsAndAssets().compareTo(LARGE_THRESHOLD) >= 0;
    }
}
