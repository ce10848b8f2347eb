package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The classification rule of the article: weak party building, a large collective economy or many conflicts. */
class LocalityTests {

    private static final CollectiveEconomy SMALL =
            new CollectiveEconomy(new BigDecimal("120.50"), new BigDecimal("200"), new BigDecimal("1500"));

    @Test
    void suggestsFocusedForWeakPartyBuilding() {
        IntensityAssessment assessment = Locality.assess(facts(SMALL, true, false, false), null, null);

        assertThat(assessment.suggested()).isEqualTo(Intensity.FOCUSED);
        assertThat(assessment.reasons())
                .extracting(IntensityAssessment.Reason::messageKey)
                .containsExactly("intensity.reason.weakPartyBuilding");
    }

    @Test
    void suggestsFocusedForAFlaggedLargeCollectiveEconomy() {
        IntensityAssessment assessment = Locality.assess(facts(SMALL, false, true, false), null, null);

        assertThat(assessment.suggested()).isEqualTo(Intensity.FOCUSED);
        assertThat(assessment.reasons())
                .extracting(IntensityAssessment.Reason::messageKey)
                .containsExactly("intensity.reason.largeEconomyFlagged");
    }

    @Test
    void suggestsFocusedForManyConflicts() {
        IntensityAssessment assessment = Locality.assess(facts(SMALL, false, false, true), null, null);

        assertThat(assessment.suggested()).isEqualTo(Intensity.FOCUSED);
        assertThat(assessment.reasons())
                .extracting(IntensityAssessment.Reason::messageKey)
                .containsExactly("intensity.reason.manyConflicts");
    }

    @Test
    void suggestsFocusedWhenFundsAndAssetsReachTheThresholdWithoutTheFlag() {
        CollectiveEconomy large = new CollectiveEconomy(new BigDecimal("300"), new BigDecimal("200"), BigDecimal.ZERO);

        IntensityAssessment assessment = Locality.assess(facts(large, false, false, false), null, null);

        assertThat(assessment.suggested()).isEqualTo(Intensity.FOCUSED);
        assertThat(assessment.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.messageKey()).isEqualTo("intensity.reason.largeEconomyFigures");
            assertThat(reason.args()).containsExactly("500", "500");
        });
    }

    @Test
    void namesTheLargeEconomyOnceWhenFlaggedAndLargeByFigures() {
        CollectiveEconomy large = new CollectiveEconomy(new BigDecimal("900"), new BigDecimal("900"), BigDecimal.ZERO);

        IntensityAssessment assessment = Locality.assess(facts(large, false, true, false), null, null);

        assertThat(assessment.reasons())
                .extracting(IntensityAssessment.Reason::messageKey)
                .containsExactly("intensity.reason.largeEconomyFlagged");
    }

    @Test
    void listsEveryFactThatHolds() {
        IntensityAssessment assessment = Locality.assess(facts(SMALL, true, true, true), null, null);

        assertThat(assessment.reasons())
                .extracting(IntensityAssessment.Reason::messageKey)
                .containsExactly(
                        "intensity.reason.weakPartyBuilding",
                        "intensity.reason.largeEconomyFlagged",
                        "intensity.reason.manyConflicts");
    }

    @Test
    void suggestsExpeditedWhenNoFactHolds() {
        CollectiveEconomy justBelow =
                new CollectiveEconomy(new BigDecimal("299.99"), new BigDecimal("200"), BigDecimal.ZERO);

        IntensityAssessment assessment = Locality.assess(facts(justBelow, false, false, false), null, null);

        assertThat(assessment.suggested()).isEqualTo(Intensity.EXPEDITED);
        assertThat(assessment.effective()).isEqualTo(Intensity.EXPEDITED);
        assertThat(assessment.overridden()).isFalse();
        assertThat(assessment.reasons())
                .extracting(IntensityAssessment.Reason::messageKey)
                .containsExactly("intensity.reason.inGoodOrder");
    }

    @Test
    void overrideWithAReasonChangesTheEffectiveIntensityAndKeepsWhoAndWhen() {
        Locality locality = locality(facts(SMALL, true, false, false));
        Instant at = Instant.parse("2019-06-01T08:00:00Z");

        locality.overrideIntensity(Intensity.EXPEDITED, "  书记已调整，班子稳定  ", "office", at);

        IntensityAssessment assessment = locality.assess();
        assertThat(assessment.suggested()).isEqualTo(Intensity.FOCUSED);
        assertThat(assessment.effective()).isEqualTo(Intensity.EXPEDITED);
        assertThat(assessment.overridden()).isTrue();
        assertThat(locality.overrideReason()).isEqualTo("书记已调整，班子稳定");
        assertThat(locality.overriddenBy()).isEqualTo("office");
        assertThat(locality.overriddenAt()).isEqualTo(at);
    }

    @Test
    void refusesAnOverrideWithoutAReason() {
        Locality locality = locality(facts(SMALL, true, false, false));

        assertThatThrownBy(() -> locality.overrideIntensity(Intensity.EXPEDITED, "", "office", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("intensity.override.reasonRequired");
        assertThatThrownBy(() -> locality.overrideIntensity(Intensity.EXPEDITED, " \t\n", "office", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(locality.intensityOverride()).isNull();
        assertThat(locality.assess().effective()).isEqualTo(Intensity.FOCUSED);
    }

    @Test
    void clearingTheOverrideReturnsToTheSuggestion() {
        Locality locality = locality(facts(SMALL, false, false, false));
        locality.overrideIntensity(Intensity.FOCUSED, "群众来信反映较多", "director", Instant.now());

        locality.clearOverride();

        assertThat(locality.assess().effective()).isEqualTo(Intensity.EXPEDITED);
        assertThat(locality.assess().override()).isNull();
        assertThat(locality.overrideReason()).isNull();
        assertThat(locality.overriddenBy()).isNull();
        assertThat(locality.overriddenAt()).isNull();
    }

    @Test
    void anOverrideEqualToTheSuggestionIsNotReportedAsOverridden() {
        IntensityAssessment assessment = Locality.assess(facts(SMALL, true, false, false), Intensity.FOCUSED, "与建议一致");

        assertThat(assessment.overridden()).isFalse();
        assertThat(assessment.effective()).isEqualTo(Intensity.FOCUSED);
    }

    @Test
    void revisedFactsChangeTheSuggestion() {
        Locality locality = locality(facts(SMALL, false, false, false));

        locality.revise(facts(SMALL, false, false, true));

        assertThat(locality.assess().suggested()).isEqualTo(Intensity.FOCUSED);
    }

    private static Locality.Facts facts(CollectiveEconomy economy, boolean weak, boolean large, boolean conflicts) {
        return new Locality.Facts(Locality.PartyOrgType.BRANCH, "张国华", 42, 2100, 520, economy, weak, large, conflicts);
    }

    private static Locality locality(Locality.Facts facts) {
        return new Locality(
                7, "411403100201", "张庄村", RegionKind.VILLAGE, 3, "坞墙镇", "/1/2/3/7/", facts, null, null, null, null, 0);
    }
}
