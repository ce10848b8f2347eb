package org.xuncha.inspectors;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.confidential.FieldCipher;
import org.xuncha.documents.XlsxExport;
import org.xuncha.organization.RegionLevel;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.Regions;
import org.xuncha.web.Paged;

/**
 * What the pool's pages do (人才库管理): find people within the caller's scope, enrol and revise them, keep their
 * recusal facts, record manual recusals and the director's exceptions, set each district's rules, export — every
 * change and every disclosure of an ID number written to the audit log.
 */
@Service
class InspectorRecords {

    private final Inspectors inspectors;
    private final RecusalPolicies policies;
    private final Regions regions;
    private final FieldCipher cipher;
    private final AuditLog auditLog;
    private final Clock clock;

    InspectorRecords(
            Inspectors inspectors,
            RecusalPolicies policies,
            Regions regions,
            FieldCipher cipher,
            AuditLog auditLog,
            Clock clock) {
        this.inspectors = inspectors;
        this.policies = policies;
        this.regions = regions;
        this.cipher = cipher;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    // --- reading -------------------------------------------------------------------------------------------------

    PoolScope scope(RegionScope scope) {
        return new PoolScope(regions.findAll(scope.regionIds()).stream()
                .map(RegionSummary::path)
                .toList());
    }

    @Transactional(readOnly = true)
    Paged<Inspectors.Row> search(Inspectors.Filter filter, RegionScope scope, int page, int size) {
        return inspectors.search(filter, scope(scope), page, size);
    }

    @Transactional(readOnly = true)
    Optional<Inspector> find(long id, RegionScope scope) {
        return inspectors.find(id, scope(scope));
    }

    /** The districts whose pools the caller works on: those of their scope, above or below it. */
    @Transactional(readOnly = true)
    List<RegionSummary> districts(RegionScope scope) {
        Map<Long, RegionSummary> districts = new LinkedHashMap<>();
        List<RegionSummary> all = null;
        for (RegionSummary root : regions.findAll(scope.regionIds())) {
            if (root.level() == RegionLevel.DISTRICT) {
                districts.put(root.id(), root);
            } else if (root.level() == RegionLevel.PROVINCE || root.level() == RegionLevel.CITY) {
                all = all != null ? all : regions.scopeCandidates();
                all.stream()
                        .filter(r ->
                                r.level() == RegionLevel.DISTRICT && r.path().startsWith(root.path()))
                        .forEach(r -> districts.put(r.id(), r));
            } else {
                List<Long> ancestors = Arrays.stream(root.path().split("/"))
                        .filter(s -> !s.isEmpty())
                        .map(Long::valueOf)
                        .toList();
                regions.findAll(ancestors).stream()
                        .filter(r -> r.level() == RegionLevel.DISTRICT)
                        .forEach(r -> districts.put(r.id(), r));
            }
        }
        return List.copyOf(districts.values());
    }

    /** The township units of the districts the caller works on, for selects and filters. */
    @Transactional(readOnly = true)
    List<RegionSummary> townships(RegionScope scope) {
        Set<Long> districtIds = districts(scope).stream().map(RegionSummary::id).collect(Collectors.toSet());
        return regions.scopeCandidates().stream()
                .filter(r ->
                        r.level() == RegionLevel.TOWNSHIP && r.parentId() != null && districtIds.contains(r.parentId()))
                .toList();
    }

    /** Names of the townships and 村居 an inspector's record refers to. */
    @Transactional(readOnly = true)
    Map<Long, String> regionNames(Inspector inspector) {
        Set<Long> ids = new HashSet<>();
        Inspector.Profile p = inspector.profile();
        if (p.workTownshipId() != null) {
            ids.add(p.workTownshipId());
        }
        if (p.homeTownshipId() != null) {
            ids.add(p.homeTownshipId());
        }
        inspector.relatives().forEach(r -> ids.add(r.localityId()));
        inspector.manualRecusals().forEach(r -> ids.add(r.regionId()));
        inspector.exemptions().forEach(e -> ids.add(e.regionId()));
        return regionNames(ids);
    }

    Map<Long, String> regionNames(Set<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        regions.findAll(ids).forEach(r -> names.put(r.id(), r.name()));
        return names;
    }

    /** Discloses an ID number to a pool manager and audits it. */
    @Transactional
    Optional<String> revealIdNumber(long id, RegionScope scope) {
        Inspector inspector = load(id, scope);
        byte[] stored = inspector.idNumberCipher();
        if (stored == null) {
            return Optional.empty();
        }
        auditLog.record(AuditAction.VIEW_CONFIDENTIAL, "Inspector", id, AuditOutcome.SUCCESS, "身份证号");
        return Optional.of(cipher.decrypt(stored));
    }

    // --- changing ------------------------------------------------------------------------------------------------

    @Transactional
    long enrol(long districtId, Inspector.Profile profile, @Nullable String idNumber, RegionScope scope) {
        RegionSummary district = districts(scope).stream()
                .filter(d -> d.id() == districtId)
                .findFirst()
                .orElseThrow(() -> new PoolRuleException("inspector.district.outOfScope"));
        checkProfile(districtId, profile, 0);
        Inspector inspector = Inspector.enrol(districtId, district.path(), profile);
        if (idNumber != null) {
            inspector.recordIdNumber(cipher.encrypt(idNumber), idNumber);
        }
        long id = inspectors.save(inspector);
        auditLog.record(AuditAction.CREATE, "Inspector", id, AuditOutcome.SUCCESS, profile.name());
        return id;
    }

    @Transactional
    void revise(long id, int version, Inspector.Profile profile, @Nullable String idNumber, RegionScope scope) {
        change(id, version, scope, "修改基本信息", inspector -> {
            checkProfile(inspector.districtId(), profile, id);
            inspector.revise(profile);
            if (idNumber != null) {
                inspector.recordIdNumber(cipher.encrypt(idNumber), idNumber);
            }
        });
    }

    @Transactional
    void declareRelative(
            long id, int version, long townshipId, String localityName, String relation, RegionScope scope) {
        change(id, version, scope, "申报亲属", inspector -> {
            RegionSummary locality = locality(inspector.districtId(), townshipId, localityName);
            inspector.declareRelative(locality.id(), relation);
        });
    }

    @Transactional
    void withdrawRelative(long id, int version, long localityId, RegionScope scope) {
        change(id, version, scope, "撤回亲属申报", inspector -> inspector.withdrawRelative(localityId));
    }

    @Transactional
    void recordTraining(long id, int version, LocalDate heldOn, String course, RegionScope scope) {
        change(id, version, scope, "登记培训", inspector -> inspector.recordTraining(heldOn, course));
    }

    @Transactional
    void markUnavailable(long id, int version, DateRange period, String reason, RegionScope scope) {
        change(id, version, scope, "登记不可用时段", inspector -> inspector.markUnavailable(period, reason));
    }

    @Transactional
    void clearUnavailability(long id, int version, long entryId, RegionScope scope) {
        change(id, version, scope, "删除不可用时段", inspector -> inspector.clearUnavailability(entryId));
    }

    @Transactional
    void recuse(
            long id,
            int version,
            long townshipId,
            @Nullable String localityName,
            String reason,
            String by,
            RegionScope scope) {
        change(id, version, scope, "登记人工回避", inspector -> {
            long region = region(inspector.districtId(), townshipId, localityName);
            inspector.recuse(region, reason, by, Instant.now(clock));
        });
    }

    @Transactional
    void liftRecusal(long id, int version, long entryId, RegionScope scope) {
        change(id, version, scope, "撤销人工回避", inspector -> inspector.liftRecusal(entryId));
    }

    @Transactional
    void exempt(
            long id,
            int version,
            long townshipId,
            @Nullable String localityName,
            RecusalRule rule,
            String reason,
            String by,
            RegionScope scope) {
        Inspector inspector = load(id, scope);
        requireVersion(inspector, version);
        long region = region(inspector.districtId(), townshipId, localityName);
        inspector.exempt(region, rule, reason, by, Instant.now(clock));
        inspectors.save(inspector);
        auditLog.record(
                AuditAction.CREATE,
                "RecusalExemption",
                id,
                AuditOutcome.SUCCESS,
                "回避例外 " + rule + " region=" + region + " 理由：" + reason.strip());
    }

    @Transactional
    void revokeExemption(long id, int version, long entryId, RegionScope scope) {
        Inspector inspector = load(id, scope);
        requireVersion(inspector, version);
        inspector.revokeExemption(entryId);
        inspectors.save(inspector);
        auditLog.record(AuditAction.DELETE, "RecusalExemption", id, AuditOutcome.SUCCESS, "撤销回避例外 " + entryId);
    }

    @Transactional(readOnly = true)
    RecusalPolicies.Stored policy(long districtId, RegionScope scope) {
        requireDistrict(districtId, scope);
        return policies.of(districtId);
    }

    @Transactional
    void savePolicy(long districtId, Set<RecusalRule> enabled, int version, String by, RegionScope scope) {
        requireDistrict(districtId, scope);
        policies.save(districtId, enabled, version, by, Instant.now(clock));
        auditLog.record(
                AuditAction.UPDATE,
                "RecusalPolicy",
                districtId,
                AuditOutcome.SUCCESS,
                "启用：" + enabled.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
    }

    // --- export --------------------------------------------------------------------------------------------------

    /** The pool as .xlsx, personal fields included (pool managers only), audited with the number of rows. */
    @Transactional
    void export(Inspectors.Filter filter, RegionScope scope, OutputStream out, Map<String, String> labels)
            throws IOException {
        List<RegionSummary> townships = townships(scope);
        Map<Long, String> names = new HashMap<>();
        townships.forEach(t -> names.put(t.id(), t.name()));
        int[] count = {0};
        try (Stream<Inspector> pool = inspectors.stream(filter, scope(scope))) {
            Stream<List<@Nullable Object>> rows = pool.map(inspector -> {
                count[0]++;
                Inspector.Profile p = inspector.profile();
                Map<Long, String> regionNames = new HashMap<>(names);
                Set<Long> missing = new HashSet<>();
                inspector.relatives().forEach(r -> missing.add(r.localityId()));
                regionNames.putAll(regionNames(missing));
                byte[] stored = inspector.idNumberCipher();
                List<@Nullable Object> row = new ArrayList<>();
                row.add(inspector.id());
                row.add(p.name());
                row.add(labels.get("sex." + p.sex()));
                row.add(p.unit());
                row.add(labels.get("unitKind." + p.unitKind()));
                row.add(p.post());
                row.add(labels.get("political." + p.politicalStatus()));
                row.add(labels.get("tier." + p.tier()));
                row.add(p.expertise().stream()
                        .sorted()
                        .map(e -> labels.get("expertise." + e))
                        .collect(Collectors.joining("、")));
                row.add(p.workTownshipId() == null ? null : regionNames.get(p.workTownshipId()));
                row.add(p.homeTownshipId() == null ? null : regionNames.get(p.homeTownshipId()));
                row.add(p.phone());
                row.add(stored == null ? null : cipher.decrypt(stored));
                row.add(inspector.relatives().stream()
                        .map(r -> regionNames.getOrDefault(r.localityId(), "#" + r.localityId()) + "（" + r.relation()
                                + "）")
                        .collect(Collectors.joining("、")));
                row.add(inspector.trainings().stream()
                        .map(t -> t.heldOn() + " " + t.course())
                        .collect(Collectors.joining("；")));
                row.add(p.linkedUsername());
                return row;
            });
            XlsxExport.write(
                    out,
                    List.of(new XlsxExport.SheetData(
                            labels.get("sheet"),
                            Arrays.stream(labels.get("headers").split(",")).toList(),
                            rows)));
        }
        auditLog.record(AuditAction.EXPORT, "InspectorPool", null, AuditOutcome.SUCCESS, "导出人才库 " + count[0] + " 人");
    }

    // --- rules of the pages --------------------------------------------------------------------------------------

    private void change(long id, int version, RegionScope scope, String what, Consumer<Inspector> change) {
        Inspector inspector = load(id, scope);
        requireVersion(inspector, version);
        change.accept(inspector);
        inspectors.save(inspector);
        auditLog.record(AuditAction.UPDATE, "Inspector", id, AuditOutcome.SUCCESS, what);
    }

    private Inspector load(long id, RegionScope scope) {
        return inspectors.find(id, scope(scope)).orElseThrow(() -> new InspectorNotFound(id));
    }

    private static void requireVersion(Inspector inspector, int version) {
        if (inspector.version() != version) {
            throw new OptimisticLockingFailureException("inspector " + inspector.id() + " changed since it was read");
        }
    }

    private void requireDistrict(long districtId, RegionScope scope) {
        if (districts(scope).stream().noneMatch(d -> d.id() == districtId)) {
            throw new InspectorNotFound(districtId);
        }
    }

    private void checkProfile(long districtId, Inspector.Profile profile, long id) {
        for (Long township : Arrays.asList(profile.workTownshipId(), profile.homeTownshipId())) {
            if (township != null) {
                township(districtId, township);
            }
        }
        if (profile.linkedUsername() != null && inspectors.usernameTaken(profile.linkedUsername(), id)) {
            throw new PoolRuleException("inspector.username.taken");
        }
    }

    private RegionSummary township(long districtId, long townshipId) {
        return regions.find(townshipId)
                .filter(t -> t.level() == RegionLevel.TOWNSHIP && t.parentId() != null && t.parentId() == districtId)
                .orElseThrow(() -> new PoolRuleException("inspector.township.unknown"));
    }

    /** A 村居 named within a township of the district. */
    private RegionSummary locality(long districtId, long townshipId, String name) {
        RegionSummary township = township(districtId, townshipId);
        return regions.findByName(name.strip())
                .filter(l -> l.level() == RegionLevel.LOCALITY && l.parentId() != null && l.parentId() == township.id())
                .orElseThrow(() -> new PoolRuleException("inspector.locality.unknown"));
    }

    /** The township itself, or one of its 村居 when a name is given. */
    private long region(long districtId, long townshipId, @Nullable String localityName) {
        return localityName == null || localityName.isBlank()
                ? township(districtId, townshipId).id()
                : locality(districtId, townshipId, localityName).id();
    }
}
