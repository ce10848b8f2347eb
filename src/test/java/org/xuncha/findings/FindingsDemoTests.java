package org.xuncha.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.planning.RoundId;

/**
 * The demo's findings for the pilot round, made through the services: approved papers that feedback will list, a
 * returned one with its comment, 立行立改, a common problem, and a lead transferred to and received by 区纪委监委.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FindingsDemoTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Findings findings;

    RoundId pilot;

    @BeforeEach
    void demoIsLoaded() {
        pilot = FindingsTestSupport.awaitDemo(jdbc);
    }

    @Test
    void thePilotHasFindingsAtEveryStageWithOnlyApprovedOnesForFeedback() {
        List<FindingSummary> all = findings.ofRound(pilot);
        List<FindingSummary> approved = findings.approvedOfRound(pilot);
        assertThat(all).hasSizeGreaterThanOrEqualTo(16);
        assertThat(approved).isNotEmpty().allMatch(f -> f.state() == FindingState.APPROVED);
        assertThat(approved).allMatch(f -> !f.proposedHandling().isBlank());
        assertThat(all).extracting(FindingSummary::state).contains(FindingState.RETURNED, FindingState.SUBMITTED);
        assertThat(all.stream().filter(FindingSummary::fixedOnTheSpot).count()).isGreaterThanOrEqualTo(2);
        assertThat(findings.find(all.get(0).id())).contains(all.get(0));
    }

    @Test
    void theDemoLeadWasTransferredWithARegisterNumberAndReceived() {
        List<String> numbers = jdbc.sql("select register_number from findings.lead where state = 'RECEIVED'")
                .query(String.class)
                .list();
        assertThat(numbers).hasSize(1);
        assertThat(numbers.get(0)).matches("睢巡移〔\\d{4}〕1号");
        assertThat(jdbc.sql("select count(*) from findings.finding_link where kind = 'COMMON'")
                        .query(Long.class)
                        .single())
                .isPositive();
        LeadTally tally = findings.leadTally(pilot);
        assertThat(tally.transferred()).isGreaterThanOrEqualTo(1);
        assertThat(tally.transferredTo()).containsKey(ReceivingBody.DISCIPLINE_COMMISSION);
        List<CommonProblem> common = findings.commonProblems(pilot);
        assertThat(common).isNotEmpty().allSatisfy(c -> {
            assertThat(c.localityCount()).isGreaterThanOrEqualTo(2);
            assertThat(c.findingIds()).hasSizeGreaterThanOrEqualTo(2);
        });
    }
}
