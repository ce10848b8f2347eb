package org.xuncha.inspectors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The recusal rules (回避规则) of one district for one round: which rules the district enforces, the round's dates,
 * who served where in the previous round, and the director's exceptions. Pure: no database, no Spring, so planning,
 * the roster and the tests use the very same check.
 */
public final class RecusalRules {

    private final RecusalPolicy policy;
    private final DateRange roundDates;
    private final Map<InspectorId, List<PreviousPlacement>> previousRound = new HashMap<>();
    private final Map<InspectorId, List<RecusalExemption>> exemptions = new HashMap<>();

    public RecusalRules(
            RecusalPolicy policy,
            DateRange roundDates,
            Collection<PreviousPlacement> previousRound,
            Collection<RecusalExemption> exemptions) {
        this.policy = Objects.requireNonNull(policy);
        this.roundDates = Objects.requireNonNull(roundDates);
        previousRound.forEach(p -> this.previousRound
                .computeIfAbsent(p.inspector(), k -> new ArrayList<>())
                .add(p));
        exemptions.forEach(e -> this.exemptions
                .computeIfAbsent(e.inspector(), k -> new ArrayList<>())
                .add(e));
    }

    public RecusalPolicy policy() {
        return policy;
    }

    public DateRange roundDates() {
        return roundDates;
    }

    /** Every rule the person would break serving in this role for this 村居, exempted ones included (they do not block). */
    public List<RecusalViolation> check(Candidate person, GroupRole role, RoundLocality locality) {
        List<RecusalViolation> found = new ArrayList<>(2);
        scan(person, role, locality, found);
        return found;
    }

    /** Whether the person may serve in this role for this 村居: no rule blocks, or each one that bites is exempted. */
    public boolean permits(Candidate person, GroupRole role, RoundLocality locality) {
        return scan(person, role, locality, null) == 0;
    }

    /** Whether the person may serve in this role for every 村居 of a group. */
    public boolean permitsAll(Candidate person, GroupRole role, Collection<RoundLocality> localities) {
        for (RoundLocality locality : localities) {
            if (scan(person, role, locality, null) > 0) {
                return false;
            }
        }
        return true;
    }

    boolean servedInPreviousRound(InspectorId inspector) {
        return previousRound.containsKey(inspector);
    }

    /**
     * Counts the blocking violations; with {@code found} null it stops at the first one and allocates nothing, which
     * keeps the roster's person × 村居 checks cheap.
     */
    private int scan(Candidate person, GroupRole role, RoundLocality locality, @Nullable List<RecusalViolation> found) {
        int blocking = 0;
        String name = person.name();
        if (policy.enforces(RecusalRule.WORK_TOWNSHIP)
                && Objects.equals(person.workTownshipId(), locality.townshipId())) {
            blocking += report(
                    person,
                    RecusalRule.WORK_TOWNSHIP,
                    locality,
                    found,
                    () -> Reason.of("recusal.violation.WORK_TOWNSHIP", name, locality.townshipName(), locality.name()));
            if (blocking > 0 && found == null) {
                return blocking;
            }
        }
        if (policy.enforces(RecusalRule.HOME_TOWNSHIP)
                && Objects.equals(person.homeTownshipId(), locality.townshipId())) {
            blocking += report(
                    person,
                    RecusalRule.HOME_TOWNSHIP,
                    locality,
                    found,
                    () -> Reason.of("recusal.violation.HOME_TOWNSHIP", name, locality.townshipName(), locality.name()));
            if (blocking > 0 && found == null) {
                return blocking;
            }
        }
        if (policy.enforces(RecusalRule.RELATIVE)) {
            for (Candidate.DeclaredRelative relative : person.relatives()) {
                if (relative.localityId() == locality.id()) {
                    blocking += report(
                            person,
                            RecusalRule.RELATIVE,
                            locality,
                            found,
                            () -> Reason.of("recusal.violation.RELATIVE", name, locality.name(), relative.relation()));
                    if (blocking > 0 && found == null) {
                        return blocking;
                    }
                }
            }
        }
        if (policy.enforces(RecusalRule.ROTATION)) {
            for (PreviousPlacement previous : previousRound.getOrDefault(person.id(), List.of())) {
                if (previous.townshipId() == locality.townshipId() && previous.role() == role) {
                    blocking += report(
                            person,
                            RecusalRule.ROTATION,
                            locality,
                            found,
                            () -> Reason.of(
                                    "recusal.violation.ROTATION." + role.name(), name, locality.townshipName()));
                    if (blocking > 0 && found == null) {
                        return blocking;
                    }
                    break;
                }
            }
        }
        if (policy.enforces(RecusalRule.MANUAL)) {
            for (Candidate.ManualRecusal recusal : person.manualRecusals()) {
                if (recusal.regionId() == locality.id() || recusal.regionId() == locality.townshipId()) {
                    String region = recusal.regionId() == locality.id() ? locality.name() : locality.townshipName();
                    blocking += report(
                            person,
                            RecusalRule.MANUAL,
                            locality,
                            found,
                            () -> Reason.of("recusal.violation.MANUAL", name, region, recusal.reason()));
                    if (blocking > 0 && found == null) {
                        return blocking;
                    }
                }
            }
        }
        if (policy.enforces(RecusalRule.UNAVAILABLE)) {
            for (Candidate.Unavailability window : person.unavailability()) {
                if (window.period().overlaps(roundDates)) {
                    blocking += report(
                            person,
                            RecusalRule.UNAVAILABLE,
                            locality,
                            found,
                            () -> Reason.of(
                                    "recusal.violation.UNAVAILABLE",
                                    name,
                                    window.period().from().toString(),
                                    window.period().to().toString(),
                                    window.reason()));
                    if (blocking > 0 && found == null) {
                        return blocking;
                    }
                }
            }
        }
        return blocking;
    }

    /** Adds the violation to {@code found} when collecting; returns 1 when it blocks, 0 when an exception covers it. */
    private int report(
            Candidate person,
            RecusalRule rule,
            RoundLocality locality,
            @Nullable List<RecusalViolation> found,
            java.util.function.Supplier<Reason> reason) {
        RecusalExemption exemption = exemptionFor(person.id(), rule, locality);
        if (found != null) {
            found.add(new RecusalViolation(rule, person.id(), person.name(), locality.id(), reason.get(), exemption));
        }
        return exemption == null ? 1 : 0;
    }

    private @Nullable RecusalExemption exemptionFor(InspectorId inspector, RecusalRule rule, RoundLocality locality) {
        List<RecusalExemption> granted = exemptions.get(inspector);
        if (granted == null) {
            return null;
        }
        for (RecusalExemption exemption : granted) {
            if (exemption.covers(inspector, rule, locality)) {
                return exemption;
            }
        }
        return null;
    }
}
