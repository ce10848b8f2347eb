package org.xuncha.inspectors;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person of the pool as a roster or an assignment check sees them (候选人): tier, expertise and the recusal facts
 * (回避事项) — where they work and live, declared relatives, unavailability and the office's manual recusals.
 *
 * @param workTownshipId the township unit where the person works, when it is one
 * @param homeTownshipId the township unit where the person lives or comes from
 */
public record Candidate(
        InspectorId id,
        String name,
        Tier tier,
        Set<Expertise> expertise,
        @Nullable Long workTownshipId,
        @Nullable Long homeTownshipId,
        List<DeclaredRelative> relatives,
        List<Unavailability> unavailability,
        List<ManualRecusal> manualRecusals) {

    /** A relative the person declared in a 村居 (亲属关系). */
    public record DeclaredRelative(long localityId, String relation) {}

    /** A time the person cannot serve (不可用时段), with its reason. */
    public record Unavailability(DateRange period, String reason) {}

    /** A recusal the office entered (人工回避): from a township unit or a single 村居, with its reason. */
    public record ManualRecusal(long regionId, String reason) {}

    public Candidate {
        expertise = expertise.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(expertise));
        relatives = List.copyOf(relatives);
        unavailability = List.copyOf(unavailability);
        manualRecusals = List.copyOf(manualRecusals);
    }

    public boolean readsAccounts() {
        return expertise.contains(Expertise.FINANCE) || expertise.contains(Expertise.AUDIT);
    }
}
