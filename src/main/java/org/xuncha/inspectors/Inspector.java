package org.xuncha.inspectors;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An inspector of the pool (巡察人员): who they are, the unit they are drawn from, their tier and expertise, and the
 * facts recusal rests on — where they work and live, declared relatives, trainings, times they cannot serve, the
 * office's manual recusals and the director's exceptions. Guards its own lists; saved whole with optimistic locking.
 */
class Inspector {

    /** What the create and edit forms set in one go (基本信息). */
    record Profile(
            String name,
            Sex sex,
            String unit,
            UnitKind unitKind,
            @Nullable String post,
            PoliticalStatus politicalStatus,
            Tier tier,
            Set<Expertise> expertise,
            @Nullable Long workTownshipId,
            @Nullable Long homeTownshipId,
            @Nullable String linkedUsername,
            @Nullable String phone) {

        Profile {
            expertise = Set.copyOf(expertise);
        }
    }

    /** 培训记录. */
    record Training(long id, LocalDate heldOn, String course) {}

    /** 亲属关系: a relative in a 村居. */
    record Relative(long localityId, String relation) {}

    /** 不可用时段. */
    record Unavailable(long id, DateRange period, String reason) {}

    /** 人工回避: entered by the office for a township unit or a 村居. */
    record ManualRecusalEntry(long id, long regionId, String reason, String recordedBy, Instant recordedAt) {}

    /** 回避例外: recorded by the director. */
    record Exemption(long id, long regionId, RecusalRule rule, String reason, String grantedBy, Instant grantedAt) {}

    private final long id;
    private final long districtId;
    private final String districtPath;
    private Profile profile;
    private byte @Nullable [] idNumberCipher;
    private @Nullable String idNumberTail;
    private final List<Relative> relatives;
    private final List<Training> trainings;
    private final List<Unavailable> unavailability;
    private final List<ManualRecusalEntry> manualRecusals;
    private final List<Exemption> exemptions;
    private final int version;

    Inspector(
            long id,
            long districtId,
            String districtPath,
            Profile profile,
            byte @Nullable [] idNumberCipher,
            @Nullable String idNumberTail,
            List<Relative> relatives,
            List<Training> trainings,
            List<Unavailable> unavailability,
            List<ManualRecusalEntry> manualRecusals,
            List<Exemption> exemptions,
            int version) {
        this.id = id;
        this.districtId = districtId;
        this.districtPath = districtPath;
        this.profile = profile;
        this.idNumberCipher = idNumberCipher;
        this.idNumberTail = idNumberTail;
        this.relatives = new ArrayList<>(relatives);
        this.trainings = new ArrayList<>(trainings);
        this.unavailability = new ArrayList<>(unavailability);
        this.manualRecusals = new ArrayList<>(manualRecusals);
        this.exemptions = new ArrayList<>(exemptions);
        this.version = version;
    }

    /** A new person in a district's pool, not yet saved (id 0). */
    static Inspector enrol(long districtId, String districtPath, Profile profile) {
        return new Inspector(
                0,
                districtId,
                districtPath,
                profile,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                0);
    }

    void revise(Profile profile) {
        this.profile = profile;
    }

    /** Keeps the ID number encrypted, with its last four digits for the masked display. */
    void recordIdNumber(byte[] cipher, String plain) {
        this.idNumberCipher = cipher.clone();
        this.idNumberTail = plain.substring(Math.max(0, plain.length() - 4));
    }

    void declareRelative(long localityId, String relation) {
        if (relatives.stream().anyMatch(r -> r.localityId() == localityId)) {
            throw new PoolRuleException("inspector.relative.duplicate");
        }
        relatives.add(new Relative(localityId, relation.strip()));
    }

    void withdrawRelative(long localityId) {
        relatives.removeIf(r -> r.localityId() == localityId);
    }

    void recordTraining(LocalDate heldOn, String course) {
        trainings.add(new Training(0, heldOn, course.strip()));
        trainings.sort(Comparator.comparing(Training::heldOn).reversed());
    }

    void markUnavailable(DateRange period, String reason) {
        unavailability.add(new Unavailable(0, period, reason.strip()));
        unavailability.sort(Comparator.comparing((Unavailable u) -> u.period().from()));
    }

    void clearUnavailability(long entryId) {
        unavailability.removeIf(u -> u.id() == entryId);
    }

    /** The office keeps this person away from a township unit or a 村居, for a written reason. */
    void recuse(long regionId, String reason, String by, Instant at) {
        if (reason.isBlank()) {
            throw new PoolRuleException("inspector.recusal.reasonRequired");
        }
        if (manualRecusals.stream().anyMatch(r -> r.regionId() == regionId)) {
            throw new PoolRuleException("inspector.recusal.duplicate");
        }
        manualRecusals.add(new ManualRecusalEntry(0, regionId, reason.strip(), by, at));
    }

    void liftRecusal(long entryId) {
        manualRecusals.removeIf(r -> r.id() == entryId);
    }

    /** The director lets one rule not block this person for a township unit or a 村居, for a written reason. */
    void exempt(long regionId, RecusalRule rule, String reason, String by, Instant at) {
        if (reason.isBlank()) {
            throw new PoolRuleException("inspector.exemption.reasonRequired");
        }
        if (exemptions.stream().anyMatch(e -> e.regionId() == regionId && e.rule() == rule)) {
            throw new PoolRuleException("inspector.exemption.duplicate");
        }
        exemptions.add(new Exemption(0, regionId, rule, reason.strip(), by, at));
    }

    void revokeExemption(long entryId) {
        exemptions.removeIf(e -> e.id() == entryId);
    }

    /** The person as the recusal rules and the roster see them. */
    Candidate candidate() {
        return new Candidate(
                new InspectorId(id),
                profile.name(),
                profile.tier(),
                profile.expertise(),
                profile.workTownshipId(),
                profile.homeTownshipId(),
                relatives.stream()
                        .map(r -> new Candidate.DeclaredRelative(r.localityId(), r.relation()))
                        .toList(),
                unavailability.stream()
                        .map(u -> new Candidate.Unavailability(u.period(), u.reason()))
                        .toList(),
                manualRecusals.stream()
                        .map(r -> new Candidate.ManualRecusal(r.regionId(), r.reason()))
                        .toList());
    }

    public long id() {
        return id;
    }

    public long districtId() {
        return districtId;
    }

    public String districtPath() {
        return districtPath;
    }

    public Profile profile() {
        return profile;
    }

    public byte @Nullable [] idNumberCipher() {
        return idNumberCipher == null ? null : idNumberCipher.clone();
    }

    public @Nullable String idNumberTail() {
        return idNumberTail;
    }

    public List<Relative> relatives() {
        return List.copyOf(relatives);
    }

    public List<Training> trainings() {
        return List.copyOf(trainings);
    }

    public List<Unavailable> unavailability() {
        return List.copyOf(unavailability);
    }

    public List<ManualRecusalEntry> manualRecusals() {
        return List.copyOf(manualRecusals);
    }

    public List<Exemption> exemptions() {
        return List.copyOf(exemptions);
    }

    public int version() {
        return version;
    }
}
