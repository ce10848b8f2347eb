package org.xuncha.organization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 村居 (village or community) with its party organization, size, collective economy and the classification facts
 * from which its inspection intensity is suggested: weak party building, a large collective economy, many conflicts.
 */
class Locality {

    /** 党组织类型. */
    enum PartyOrgType {
        /** 党委. */
        PARTY_COMMITTEE,
        /** 党总支. */
        GENERAL_BRANCH,
        /** 党支部. */
        BRANCH
    }

    /** The facts an office edits in one go; a record so forms and imports share one validated shape. */
    record Facts(
            PartyOrgType partyOrgType,
            @Nullable String partySecretary,
            int partyMemberCount,
            int population,
            int householdCount,
            CollectiveEconomy economy,
            boolean weakPartyBuilding,
            boolean largeCollectiveEconomy,
            boolean manyConflicts) {}

    private final long id;
    private final String code;
    private final String name;
    private final RegionKind kind;
    private final long townshipId;
    private final String townshipName;
    private final String path;
    private Facts facts;
    private @Nullable Intensity intensityOverride;
    private @Nullable String overrideReason;
    private @Nullable String overriddenBy;
    private @Nullable Instant overriddenAt;
    private final int version;

    Locality(
            long id,
            String code,
            String name,
            RegionKind kind,
            long townshipId,
            String townshipName,
            String path,
            Facts facts,
            @Nullable Intensity intensityOverride,
            @Nullable String overrideReason,
            @Nullable String overriddenBy,
            @Nullable Instant overriddenAt,
            int version) {
        this.id = id;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.townshipId = townshipId;
        this.townshipName = townshipName;
        this.path = path;
        this.facts = facts;
        this.intensityOverride = intensityOverride;
        this.overrideReason = overrideReason;
        this.overriddenBy = overriddenBy;
        this.overriddenAt = overriddenAt;
        this.version = version;
    }

    public IntensityAssessment assess() {
        return assess(facts, intensityOverride, overrideReason);
    }

    /** 重点巡察 when any classification fact holds; otherwise 快进快出. */
    static IntensityAssessment assess(
            Facts facts, @Nullable Intensity intensityOverride, @Nullable String overrideReason) {
        List<IntensityAssessment.Reason> reasons = new ArrayList<>();
        if (facts.weakPartyBuilding()) {
            reasons.add(new IntensityAssessment.Reason("intensity.reason.weakPartyBuilding"));
        }
        if (facts.largeCollectiveEconomy()) {
            reasons.add(new IntensityAssessment.Reason("intensity.reason.largeEconomyFlagged"));
        } else if (facts.economy().isLarge()) {
            reasons.add(new IntensityAssessment.Reason(
                    "intensity.reason.largeEconomyFigures",
                    facts.economy().fundsAndAssets().toPlainString(),
                    CollectiveEconomy.LARGE_THRESHOLD.toPlainString()));
        }
        if (facts.manyConflicts()) {
            reasons.add(new IntensityAssessment.Reason("intensity.reason.manyConflicts"));
        }
        if (reasons.isEmpty()) {
            reasons.add(new IntensityAssessment.Reason("intensity.reason.inGoodOrder"));
            return new IntensityAssessment(Intensity.EXPEDITED, reasons, intensityOverride, overrideReason);
        }
        return new IntensityAssessment(Intensity.FOCUSED, reasons, intensityOverride, overrideReason);
    }

    /** Staff set the intensity against the suggestion; the written reason is required and kept with who and when. */
    void overrideIntensity(Intensity intensity, String reason, String by, Instant at) {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("intensity.override.reasonRequired");
        }
        this.intensityOverride = intensity;
        this.overrideReason = reason.strip();
        this.overriddenBy = by;
        this.overriddenAt = at;
    }

    /** Returns to the suggested intensity. */
    void clearOverride() {
        this.intensityOverride = null;
        this.overrideReason = null;
        this.overriddenBy = null;
        this.overriddenAt = null;
    }

    void revise(Facts facts) {
        this.facts = facts;
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public RegionKind kind() {
        return kind;
    }

    public long townshipId() {
        return townshipId;
    }

    public String townshipName() {
        return townshipName;
    }

    public String path() {
        return path;
    }

    public Facts facts() {
        return facts;
    }

    public @Nullable Intensity intensityOverride() {
        return intensityOverride;
    }

    public @Nullable String overrideReason() {
        return overrideReason;
    }

    public @Nullable String overriddenBy() {
        return overriddenBy;
    }

    public @Nullable Instant overriddenAt() {
        return overriddenAt;
    }

    public int version() {
        return version;
    }
}
