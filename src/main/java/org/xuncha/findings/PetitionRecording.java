package org.xuncha.findings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.identity.ReceivingBody;
import org.xuncha.intake.PetitionOutcomes;
import org.xuncha.intake.PetitionTriaged;
import org.xuncha.intake.Triage;

/**
 * A petition the group triaged "as a finding" becomes a draft finding (source 信访举报, linked by the petition's id);
 * "as a lead" becomes a lead for 区纪委监委 to be completed by the group leader. Intake is told what it became, so the
 * petition's status follows. Carries over what the petition says, never who sent it.
 */
@Component
class PetitionRecording {

    /** The category used when the petition's own label is not one of the taxonomy's. */
    static final String FALLBACK_CATEGORY = "群众身边腐败和不正之风";

    private final FindingWork findings;
    private final LeadWork leads;
    private final Categories categories;
    private final FindingRecordsLookup lookup;
    private final ObjectProvider<PetitionOutcomes> outcomes;

    PetitionRecording(
            FindingWork findings,
            LeadWork leads,
            Categories categories,
            FindingRecordsLookup lookup,
            ObjectProvider<PetitionOutcomes> outcomes) {
        this.findings = findings;
        this.leads = leads;
        this.categories = categories;
        this.lookup = lookup;
        this.outcomes = outcomes;
    }

    @ApplicationModuleListener
    void on(PetitionTriaged event) {
        if (event.triage() == Triage.RECORD_AS_FINDING) {
            if (lookup.findingOfPetition(event.petitionId()).isPresent()) {
                return;
            }
            Category category = categories
                    .findByName(event.category().strip())
                    .filter(Category::active)
                    .or(() -> categories.findByName(FALLBACK_CATEGORY))
                    .orElseGet(() -> categories.active().get(0));
            Finding finding = findings.recordFor(
                    event.by(),
                    event.roundId(),
                    event.localityId(),
                    new FindingWork.NewFinding(
                            category.id(),
                            event.content(),
                            SourceKind.PETITION,
                            event.petitionId(),
                            "信访举报分办：" + event.reason(),
                            "",
                            null,
                            Severity.GENERAL),
                    event.petitionId());
            outcomes.ifAvailable(o -> o.recordedAs(event.petitionId(), "FINDING", finding.id()));
        } else if (event.triage() == Triage.RECORD_AS_LEAD) {
            if (lookup.leadOfPetition(event.petitionId()).isPresent()) {
                return;
            }
            long lead = leads.raiseFor(
                    event.by(),
                    event.roundId(),
                    event.localityId(),
                    null,
                    event.petitionId(),
                    new LeadWork.NewLead(
                            "待核实（见信访反映内容）",
                            event.content(),
                            null,
                            ReceivingBody.DISCIPLINE_COMMISSION,
                            "",
                            Lead.Sensitivity.SENSITIVE));
            outcomes.ifAvailable(o -> o.recordedAs(event.petitionId(), "LEAD", lead));
        }
    }
}
