package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xuncha.planning.RoundId;

/** The petition's own rules, without Spring: triage once and with what each kind needs; receipt codes; buckets. */
class PetitionRulesTests {

    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    @Test
    void forwardingNeedsTheDepartmentAndAReplyAndConcludes() {
        assertRefused(new Petition.Decision(Triage.FORWARDED, " ", null, "已转交"), "petitionTriage.forwardedToRequired");
        assertRefused(new Petition.Decision(Triage.FORWARDED, "区民政局", null, null), "petitionTriage.replyRequired");
        Petition done =
                received().triaged(new Petition.Decision(Triage.FORWARDED, "区民政局", null, "已转区民政局"), "leader", NOW);
        assertThat(done.status()).isEqualTo(PetitionStatus.CONCLUDED);
        assertThat(done.forwardedTo()).isEqualTo("区民政局");
        assertThat(done.triagedBy()).isEqualTo("leader");
    }

    @Test
    void noActionNeedsAReason() {
        assertRefused(new Petition.Decision(Triage.NO_ACTION, null, "", "不予处理"), "petitionTriage.reasonRequired");
        Petition done =
                received().triaged(new Petition.Decision(Triage.NO_ACTION, "区民政局", "重复反映", "已答复"), "leader", NOW);
        assertThat(done.status()).isEqualTo(PetitionStatus.CONCLUDED);
        assertThat(done.forwardedTo())
                .as("only a forwarded petition names a department")
                .isNull();
    }

    @Test
    void aFindingOrLeadStaysReceivedUntilItsRecordReportsBack() {
        Petition triaged =
                received().triaged(new Petition.Decision(Triage.RECORD_AS_LEAD, null, null, null), "deputy", NOW);
        assertThat(triaged.status()).isEqualTo(PetitionStatus.RECEIVED);
        assertThatThrownBy(() -> triaged.recordedAs("FINDING", 1)).isInstanceOf(IllegalArgumentException.class);
        Petition inProgress = triaged.recordedAs("LEAD", 7);
        assertThat(inProgress.status()).isEqualTo(PetitionStatus.IN_PROGRESS);
        Petition concluded = inProgress.concluded("已查处");
        assertThat(concluded.status()).isEqualTo(PetitionStatus.CONCLUDED);
        assertThat(concluded.publicReply()).isEqualTo("已查处");
        assertThat(concluded.recordId()).isEqualTo(7L);
    }

    @Test
    void aPetitionIsTriagedOnceAndAForwardedOneBecomesNoRecord() {
        Petition done = received().triaged(new Petition.Decision(Triage.FORWARDED, "区民政局", null, "已转交"), "leader", NOW);
        assertThatThrownBy(() ->
                        done.triaged(new Petition.Decision(Triage.RECORD_AS_FINDING, null, null, null), "leader", NOW))
                .isInstanceOfSatisfying(
                        IntakeRuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("petitionTriage.already"));
        assertThatThrownBy(() -> done.recordedAs("FINDING", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void receiptCodesAreTwelveUnambiguousCharactersTypedBackInAnyForm() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ReceiptCode code = ReceiptCode.random();
            assertThat(code.value()).hasSize(12).doesNotContain("0", "O", "1", "I", "L");
            assertThat(ReceiptCode.parse(code.grouped().toLowerCase().replace("-", " ")))
                    .contains(code);
            seen.add(code.value());
        }
        assertThat(seen).hasSize(2000);
        assertThat(ReceiptCode.parse("ABCD-EFGH-JKM")).isEmpty();
        assertThat(ReceiptCode.parse("ABCD-EFGH-JKM0")).isEmpty();
        assertThat(ReceiptCode.random().toString()).doesNotContainPattern("[2-9A-Z]{12}");
    }

    @Test
    void aBucketAllowsItsHourlyRateAndRefills() {
        ClientRateLimits.Bucket bucket = new ClientRateLimits.Bucket(3, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(1000)).isFalse();
        assertThat(bucket.tryTake(20 * 60 * 1000))
                .as("one token back after a third of an hour")
                .isTrue();
        assertThat(bucket.tryTake(20 * 60 * 1000)).isFalse();
    }

    @Test
    void ageCountsWholeDaysSinceArrival() {
        assertThat(received().ageInDays(LocalDate.of(2026, 3, 10))).isEqualTo(5);
        assertThat(received().ageInDays(LocalDate.of(2026, 3, 1))).isZero();
    }

    private static void assertRefused(Petition.Decision decision, String key) {
        assertThatThrownBy(() -> received().triaged(decision, "leader", NOW))
                .isInstanceOfSatisfying(
                        IntakeRuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo(key));
    }

    private static Petition received() {
        return new Petition(
                1,
                new RoundId(1),
                2,
                "夏庙村",
                "坞墙镇",
                "/1/2/",
                PetitionChannel.QR_CODE,
                PetitionCategory.OTHER,
                "内容",
                null,
                null,
                LocalDate.of(2026, 3, 5),
                null,
                false,
                0,
                PetitionStatus.RECEIVED,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0);
    }
}
