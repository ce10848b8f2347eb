package org.xuncha.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.organization.Intensity;
import org.xuncha.organization.LocalitySummary;
import org.xuncha.organization.RegionKind;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.web.Paged;

/**
 * Opens terms and computes where a term stands: its coverage from the rounds whose fieldwork is finished, the 村居 not
 * yet covered and the pace. A term belongs to one district, so its 村居 (a few hundred) are compared in memory with
 * the covered set; the registry applies the caller's scope in SQL.
 */
@Service
class TermPlanning {

    /** Filters of the list of 村居 not yet covered; every field optional. */
    record Filter(
            @Nullable Long townshipId,
            @Nullable RegionKind kind,
            @Nullable Intensity intensity) {

        boolean accepts(LocalitySummary locality) {
            return (townshipId == null || locality.townshipId() == townshipId)
                    && (kind == null || locality.kind() == kind)
                    && (intensity == null || locality.intensity() == intensity);
        }
    }

    /** Where a term stands: its progress and, in code order, the 村居 not yet covered. */
    record Standing(TermProgress progress, List<LocalitySummary> uncovered) {

        Paged<LocalitySummary> uncovered(Filter filter, int page, int size) {
            List<LocalitySummary> matching =
                    uncovered.stream().filter(filter::accepts).toList();
            Paged<LocalitySummary> shape = new Paged<>(List.of(), page, size, matching.size());
            int from = (int) Math.min(shape.offset(), matching.size());
            return new Paged<>(
                    matching.subList(from, Math.min(from + size, matching.size())), page, size, matching.size());
        }
    }

    private final Terms terms;
    private final InspectionRounds rounds;
    private final FocusItems focusItems;
    private final Regions regions;
    private final PlanningAudit audit;
    private final Clock clock;

    TermPlanning(
            Terms terms,
            InspectionRounds rounds,
            FocusItems focusItems,
            Regions regions,
            PlanningAudit audit,
            Clock clock) {
        this.terms = terms;
        this.rounds = rounds;
        this.focusItems = focusItems;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a term for a district; the district's focus checklist starts from the article's list if it has none. */
    @Transactional
    Term open(RegionSummary district, String name, LocalDate startsOn, LocalDate endsOn, String goal) {
        Term term = new Term(
                terms.nextId(),
                district.id(),
                district.name(),
                district.path(),
                name.strip(),
                startsOn,
                endsOn,
                goal.strip(),
                0);
        terms.insert(term);
        if (!focusItems.existFor(district.id())) {
            FocusItem.ARTICLE_LIST.forEach(
                    seed -> focusItems.append(district.id(), district.path(), seed.title(), seed.description()));
        }
        audit.record(
                AuditAction.CREATE,
                "Term",
                term.id(),
                district.name() + " " + term.name() + " " + startsOn + " to " + endsOn);
        return term;
    }

    @Transactional(readOnly = true)
    Standing standing(Term term, RegionScope scope) {
        List<LocalitySummary> district = regions.localitiesUnder(List.of(term.districtId()), scope);
        Set<Long> covered = rounds.coveredLocalities(term.id());
        List<LocalitySummary> uncovered =
                district.stream().filter(l -> !covered.contains(l.id())).toList();
        TermProgress progress = TermProgress.of(
                district.size(),
                district.size() - uncovered.size(),
                rounds.finishedRounds(term.id()),
                term.startsOn(),
                term.endsOn(),
                LocalDate.now(clock));
        return new Standing(progress, uncovered);
    }
}
