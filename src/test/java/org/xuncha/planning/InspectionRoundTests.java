package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.RegionKind;

/** The round's rules: whole townships within the term, one step at a time in order, the director approves. */
class InspectionRoundTests {

    static final Term TERM = new Term(
            1,
            3,
            "睢阳区",
            "/1/2/3/",
            "五届区委",
            LocalDate.of(2021, 10, 1),
            LocalDate.of(2026, 9, 30),
            Term.FULL_COVERAGE,
            0);
    static final InspectionRound.Township WUQIANG = new InspectionRound.Township(10, "坞墙镇", "/1/2/3/10/");
    static final InspectionRound.Township FENGQIAO = new InspectionRound.Township(11, "冯桥镇", "/1/2/3/11/");
    static final InspectionRound.Schedule MARCH =
            new InspectionRound.Schedule(LocalDate.of(2022, 3, 7), LocalDate.of(2022, 3, 25));
    static final Instant NOW = Instant.parse("2022-03-01T02:00:00Z");

    static final InspectionRound.Actor OFFICE = new InspectionRound.Actor("office", false);
    static final InspectionRound.Actor DIRECTOR = new InspectionRound.Actor("director", true);

    static RoundLocality locality(
            long id, String name, RegionKind kind, InspectionRound.Township township, Intensity intensity) {
        return new RoundLocality(
                id,
                "4114031" + id,
                name,
                kind,
                township.id(),
                township.name(),
                township.path() + id + "/",
                intensity,
                intensity == Intensity.FOCUSED ? 15 : 5);
    }

    static InspectionRound planned() {
        return InspectionRound.plan(
                100,
                TERM,
                RoundKind.REGULAR,
                1,
                MARCH,
                InspectionRound.Channels.none(),
                List.of(WUQIANG, FENGQIAO),
                List.of(
                        locality(1001, "张庄村", RegionKind.VILLAGE, WUQIANG, Intensity.FOCUSED),
                        locality(1002, "归德社区", RegionKind.COMMUNITY, WUQIANG, Intensity.EXPEDITED),
                        locality(1101, "李楼村", RegionKind.VILLAGE, FENGQIAO, Intensity.EXPEDITED)),
                "office",
                NOW);
    }

    @Test
    void plansWholeTownshipsWithTheirLocalitiesByKindAndRegistersRoundPlanned() {
        InspectionRound round = planned();
        assertThat(round.state()).isEqualTo(RoundState.PLANNED);
        assertThat(round.label()).isEqualTo("第一轮");
        assertThat(round.count(RegionKind.VILLAGE)).isEqualTo(2);
        assertThat(round.count(RegionKind.COMMUNITY)).isEqualTo(1);
        assertThat(round.count(Intensity.FOCUSED)).isEqualTo(1);
        assertThat(round.localitiesByTownship().get(WUQIANG).keySet())
                .containsExactly(RegionKind.VILLAGE, RegionKind.COMMUNITY);
        assertThat(round.transitions())
                .containsExactly(new InspectionRound.Transition(null, RoundState.PLANNED, "office", NOW));
        assertThat(round.events())
                .containsExactly(
                        new RoundPlanned(new RoundId(100), new TermId(1), List.of(1001L, 1002L, 1101L), "office", NOW));
    }

    @Test
    void refusesALocalityOutsideTheChosenTownships() {
        InspectionRound.Township other = new InspectionRound.Township(12, "闫集镇", "/1/2/3/12/");
        assertThatThrownBy(() -> InspectionRound.plan(
                        100,
                        TERM,
                        RoundKind.REGULAR,
                        1,
                        MARCH,
                        InspectionRound.Channels.none(),
                        List.of(WUQIANG),
                        List.of(
                                locality(1001, "张庄村", RegionKind.VILLAGE, WUQIANG, Intensity.FOCUSED),
                                locality(1201, "魏桥村", RegionKind.VILLAGE, other, Intensity.FOCUSED)),
                        "office",
                        NOW))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("round.rule.localityOutsideTownships");
                    assertThat(v.args()).containsExactly("魏桥村");
                });
    }

    @Test
    void refusesATownshipWithNoneOfItsLocalities() {
        assertThatThrownBy(() -> InspectionRound.plan(
                        100,
                        TERM,
                        RoundKind.REGULAR,
                        1,
                        MARCH,
                        InspectionRound.Channels.none(),
                        List.of(WUQIANG, FENGQIAO),
                        List.of(locality(1001, "张庄村", RegionKind.VILLAGE, WUQIANG, Intensity.FOCUSED)),
                        "office",
                        NOW))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("round.rule.townshipWithoutLocalities");
                    assertThat(v.args()).containsExactly("冯桥镇");
                });
    }

    @Test
    void refusesATownshipOfAnotherDistrict() {
        InspectionRound.Township elsewhere = new InspectionRound.Township(90, "外区镇", "/1/2/9/90/");
        assertThatThrownBy(() -> InspectionRound.plan(
                        100,
                        TERM,
                        RoundKind.REGULAR,
                        1,
                        MARCH,
                        InspectionRound.Channels.none(),
                        List.of(elsewhere),
                        List.of(locality(9001, "外村", RegionKind.VILLAGE, elsewhere, Intensity.FOCUSED)),
                        "office",
                        NOW))
                .isInstanceOfSatisfying(
                        RoundRuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("round.rule.townshipOutsideDistrict"));
    }

    @Test
    void refusesDatesOutsideTheTermAndAnExitBeforeTheEntry() {
        InspectionRound.Schedule late =
                new InspectionRound.Schedule(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThatThrownBy(() -> InspectionRound.plan(
                        100,
                        TERM,
                        RoundKind.REGULAR,
                        1,
                        late,
                        InspectionRound.Channels.none(),
                        List.of(WUQIANG),
                        List.of(locality(1001, "张庄村", RegionKind.VILLAGE, WUQIANG, Intensity.FOCUSED)),
                        "office",
                        NOW))
                .isInstanceOfSatisfying(
                        RoundRuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("round.rule.outsideTerm"));
        assertThatThrownBy(() -> new InspectionRound.Schedule(LocalDate.of(2022, 3, 7), LocalDate.of(2022, 3, 6)))
                .isInstanceOfSatisfying(
                        RoundRuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("round.rule.exitBeforeEntry"));
    }

    @Test
    void movesThroughEveryStateInOrderRecordingWhoAndWhenWithAnEventForEachStep() {
        InspectionRound round = planned();
        round.clearEvents();
        Instant at = NOW;
        round.advanceTo(RoundState.APPROVED, DIRECTOR, at = at.plusSeconds(3600));
        round.advanceTo(RoundState.IN_FIELD, OFFICE, at = at.plusSeconds(3600));
        round.advanceTo(RoundState.FIELDWORK_FINISHED, OFFICE, at = at.plusSeconds(3600));
        round.advanceTo(RoundState.REPORTED, OFFICE, at = at.plusSeconds(3600));
        round.advanceTo(RoundState.FEEDBACK_GIVEN, OFFICE, at = at.plusSeconds(3600));
        round.advanceTo(RoundState.CLOSED, DIRECTOR, at = at.plusSeconds(3600));

        assertThat(round.state()).isEqualTo(RoundState.CLOSED);
        assertThat(round.nextState()).isNull();
        assertThat(round.transitions())
                .extracting(InspectionRound.Transition::to)
                .containsExactly(RoundState.values());
        assertThat(round.transitions().get(1))
                .isEqualTo(new InspectionRound.Transition(
                        RoundState.PLANNED, RoundState.APPROVED, "director", NOW.plusSeconds(3600)));
        assertThat(round.events())
                .extracting(Object::getClass)
                .containsExactly(
                        RoundApproved.class,
                        FieldworkStarted.class,
                        FieldworkFinished.class,
                        RoundReported.class,
                        FeedbackGiven.class,
                        RoundClosed.class);
        assertThat(round.events().get(2))
                .isEqualTo(new FieldworkFinished(
                        new RoundId(100),
                        new TermId(1),
                        List.of(1001L, 1002L, 1101L),
                        "office",
                        NOW.plusSeconds(3 * 3600)));
    }

    @Test
    void refusesSkippingAStepNamingTheCurrentRequestedAndNextState() {
        InspectionRound round = planned();
        assertThatThrownBy(() -> round.advanceTo(RoundState.IN_FIELD, DIRECTOR, NOW))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("round.rule.outOfOrder");
                    assertThat(v.args()).containsExactly(RoundState.PLANNED, RoundState.IN_FIELD, RoundState.APPROVED);
                });
        assertThat(round.state()).isEqualTo(RoundState.PLANNED);
        assertThat(round.transitions()).hasSize(1);
    }

    @Test
    void refusesGoingBackOrStandingStill() {
        InspectionRound round = planned();
        round.advanceTo(RoundState.APPROVED, DIRECTOR, NOW);
        round.advanceTo(RoundState.IN_FIELD, OFFICE, NOW);
        assertThatThrownBy(() -> round.advanceTo(RoundState.APPROVED, DIRECTOR, NOW))
                .isInstanceOfSatisfying(
                        RoundRuleViolation.class,
                        v -> assertThat(v.args())
                                .containsExactly(
                                        RoundState.IN_FIELD, RoundState.APPROVED, RoundState.FIELDWORK_FINISHED));
        assertThatThrownBy(() -> round.advanceTo(RoundState.IN_FIELD, OFFICE, NOW))
                .isInstanceOf(RoundRuleViolation.class);
        assertThat(round.state()).isEqualTo(RoundState.IN_FIELD);
    }

    @Test
    void onlyTheDirectorApproves() {
        InspectionRound round = planned();
        assertThatThrownBy(() -> round.advanceTo(RoundState.APPROVED, OFFICE, NOW))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("round.rule.directorApproves");
                    assertThat(v.args()).containsExactly(RoundState.PLANNED, RoundState.APPROVED);
                });
        assertThat(round.state()).isEqualTo(RoundState.PLANNED);
        round.advanceTo(RoundState.APPROVED, DIRECTOR, NOW);
        assertThat(round.state()).isEqualTo(RoundState.APPROVED);
    }

    @Test
    void refusesEveryStepAfterClosing() {
        InspectionRound round = planned();
        round.advanceTo(RoundState.APPROVED, DIRECTOR, NOW);
        for (RoundState next : List.of(
                RoundState.IN_FIELD,
                RoundState.FIELDWORK_FINISHED,
                RoundState.REPORTED,
                RoundState.FEEDBACK_GIVEN,
                RoundState.CLOSED)) {
            round.advanceTo(next, OFFICE, NOW);
        }
        for (RoundState any : RoundState.values()) {
            assertThatThrownBy(() -> round.advanceTo(any, DIRECTOR, NOW))
                    .isInstanceOfSatisfying(
                            RoundRuleViolation.class,
                            v -> assertThat(v.messageKey()).isEqualTo("round.rule.closed"));
        }
    }

    @Test
    void reschedulesOnlyWhilePlanned() {
        InspectionRound round = planned();
        InspectionRound.Schedule april =
                new InspectionRound.Schedule(LocalDate.of(2022, 4, 6), LocalDate.of(2022, 4, 22));
        round.reschedule(TERM, april, new InspectionRound.Channels("0370-1234567", null, null));
        assertThat(round.schedule()).isEqualTo(april);
        assertThat(round.channels().phone()).isEqualTo("0370-1234567");
        round.advanceTo(RoundState.APPROVED, DIRECTOR, NOW);
        assertThatThrownBy(() -> round.reschedule(TERM, MARCH, InspectionRound.Channels.none()))
                .isInstanceOfSatisfying(RoundRuleViolation.class, v -> {
                    assertThat(v.messageKey()).isEqualTo("round.rule.scheduleFixed");
                    assertThat(v.args()).containsExactly(RoundState.APPROVED);
                });
    }

    @Test
    void coversItsLocalitiesFromFieldworkFinishedOn() {
        assertThat(RoundState.IN_FIELD.coversLocalities()).isFalse();
        assertThat(RoundState.FIELDWORK_FINISHED.coversLocalities()).isTrue();
        assertThat(RoundState.CLOSED.coversLocalities()).isTrue();
        assertThat(RoundState.IN_FIELD.isOpen()).isTrue();
        assertThat(RoundState.FIELDWORK_FINISHED.isOpen()).isFalse();
    }

    @Test
    void labelsRoundsAsTheOfficeWritesThem() {
        assertThat(InspectionRound.label(RoundKind.REGULAR, 1)).isEqualTo("第一轮");
        assertThat(InspectionRound.label(RoundKind.PILOT, 2)).isEqualTo("第二批试点");
        assertThat(InspectionRound.label(RoundKind.REVISIT, 3)).isEqualTo("第三轮回头看");
        assertThat(InspectionRound.label(RoundKind.REGULAR, 12)).isEqualTo("第十二轮");
    }

    @Test
    void refusesAMeetingOfAnotherKindWithoutItsTitle() {
        assertThatThrownBy(() -> new Meeting.Details(
                        MeetingKind.OTHER, " ", LocalDate.of(2022, 3, 7).atTime(9, 0), null, "会议室", null, null))
                .isInstanceOfSatisfying(
                        RoundRuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("meeting.rule.titleRequired"));
        assertThatThrownBy(() -> new Meeting.Details(
                        MeetingKind.MOBILIZATION,
                        null,
                        LocalDate.of(2022, 3, 7).atTime(9, 0),
                        LocalDate.of(2022, 3, 7).atTime(8, 0),
                        "会议室",
                        null,
                        null))
                .isInstanceOf(RoundRuleViolation.class);
    }
}
