package org.xuncha.findings;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xuncha.organization.RegionScope;

/**
 * 底稿待办: the working papers waiting for the caller — for the group leader those submitted in the 村居 they lead,
 * for the office those the leader approved, for a group's people their drafts and the papers returned to them.
 */
@Controller
class PaperQueueController {

    private final FindingRecords records;
    private final GroupAccess access;

    PaperQueueController(FindingRecords records, GroupAccess access) {
        this.records = records;
        this.access = access;
    }

    @GetMapping("/findings/queue")
    @PreAuthorize(Access.QUEUE)
    String queue(RegionScope scope, Authentication authentication, Model model) {
        Caller caller = access.caller(authentication);
        List<String> prefixes = access.prefixes(scope);
        if (caller.office()) {
            model.addAttribute("forOffice", records.inStates(List.of(FindingState.LEADER_APPROVED), prefixes));
        }
        if (caller.has("GROUP_LEADER")) {
            model.addAttribute(
                    "forLeader",
                    records.inStates(List.of(FindingState.SUBMITTED), prefixes).stream()
                            .filter(f -> access.leads(caller, f.roundId(), f.localityId()))
                            .toList());
        }
        if (caller.inspector() != null) {
            List<Finding> mine = records.inStates(List.of(FindingState.RETURNED, FindingState.DRAFT), prefixes).stream()
                    .filter(f -> access.servesIn(caller, f.roundId(), f.localityId()))
                    .toList();
            model.addAttribute(
                    "returned",
                    mine.stream()
                            .filter(f -> f.state() == FindingState.RETURNED)
                            .toList());
            model.addAttribute(
                    "drafts",
                    mine.stream().filter(f -> f.state() == FindingState.DRAFT).toList());
        }
        return "findings/queue";
    }
}
