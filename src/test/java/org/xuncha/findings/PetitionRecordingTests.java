package org.xuncha.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.xuncha.intake.PetitionOutcomes;
import org.xuncha.intake.PetitionTriaged;
import org.xuncha.intake.Triage;
import org.xuncha.planning.RoundId;

/**
 * The petition listener reports what a triaged petition became to intake's {@link PetitionOutcomes} when intake is
 * there, and records nothing twice for a redelivered event.
 */
class PetitionRecordingTests {

    final FindingWork findings = mock(FindingWork.class);
    final LeadWork leads = mock(LeadWork.class);
    final Categories categories = mock(Categories.class);
    final FindingRecordsLookup lookup = mock(FindingRecordsLookup.class);
    final List<String> reported = new ArrayList<>();

    PetitionRecording recording(boolean intakePresent) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (intakePresent) {
            beans.addBean("outcomes", new PetitionOutcomes() {
                @Override
                public void recordedAs(long petitionId, String recordKind, long recordId) {
                    reported.add(petitionId + " " + recordKind + " " + recordId);
                }

                @Override
                public void concluded(long petitionId, String publicReply) {}
            });
        }
        return new PetitionRecording(
                findings, leads, categories, lookup, beans.getBeanProvider(PetitionOutcomes.class));
    }

    @Test
    void reportsTheFindingAndTheLeadToIntake() {
        Category category = new Category(4, "民生保障", 4, true, 0);
        when(categories.findByName("民生保障")).thenReturn(Optional.of(category));
        Finding finding = mock(Finding.class);
        when(finding.id()).thenReturn(77L);
        when(findings.recordFor(eq("groupleader"), any(), eq(5L), any(), eq(11L)))
                .thenReturn(finding);
        when(leads.raiseFor(eq("groupleader"), any(), eq(5L), isNull(), eq(12L), any()))
                .thenReturn(88L);
        when(lookup.findingOfPetition(anyLong())).thenReturn(Optional.empty());
        when(lookup.leadOfPetition(anyLong())).thenReturn(Optional.empty());

        PetitionRecording recording = recording(true);
        recording.on(event(11, Triage.RECORD_AS_FINDING));
        recording.on(event(12, Triage.RECORD_AS_LEAD));
        recording.on(event(13, Triage.FORWARDED));

        assertThat(reported).containsExactly("11 FINDING 77", "12 LEAD 88");
    }

    @Test
    void withoutIntakeNothingIsReportedAndARedeliveredEventRecordsNothing() {
        when(lookup.findingOfPetition(11)).thenReturn(Optional.of(77L));
        recording(false).on(event(11, Triage.RECORD_AS_FINDING));
        assertThat(reported).isEmpty();
        org.mockito.Mockito.verifyNoInteractions(findings);
    }

    static PetitionTriaged event(long petition, Triage triage) {
        return new PetitionTriaged(
                petition, new RoundId(1), 5, triage, "民生保障", "低保名单未公示。", "属实", "groupleader", Instant.now());
    }
}
