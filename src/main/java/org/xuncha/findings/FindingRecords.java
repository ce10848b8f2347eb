package org.xuncha.findings;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.planning.RoundId;

/** The findings table with its paper steps, evidence and links; reads are filtered by the caller's 村居 in SQL. */
@Repository
class FindingRecords {

    private static final String SELECT = "select * from findings.finding f ";

    private final JdbcClient jdbc;

    FindingRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Finding f) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into findings.finding (round_id, group_number, locality_id, locality_name, locality_path,
                    township_id, township_name, category_id, category, description, source_kind, source_id,
                    source_note, people_concerned, amount, severity, petition_id, state, recorded_by, recorded_at)
                values (:round, :group, :locality, :localityName, :path, :township, :townshipName, :categoryId,
                    :category, :description, :sourceKind, :sourceId, :sourceNote, :people, :amount, :severity,
                    :petition, 'DRAFT', :by, :at)
                """)
                .param("round", f.roundId().value())
                .param("group", f.groupNumber())
                .param("locality", f.localityId())
                .param("localityName", f.localityName())
                .param("path", f.localityPath())
                .param("township", f.townshipId())
                .param("townshipName", f.townshipName())
                .param("categoryId", f.categoryId())
                .param("category", f.category())
                .param("description", f.description())
                .param("sourceKind", f.sourceKind().name())
                .param("sourceId", f.sourceId())
                .param("sourceNote", f.sourceNote())
                .param("people", f.peopleConcerned())
                .param("amount", f.amount())
                .param("severity", f.severity().name())
                .param("petition", f.petitionId())
                .param("by", f.recordedBy())
                .param("at", Timestamp.from(f.recordedAt()))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Stores a changed finding when nobody changed it since it was read; otherwise a conflict. */
    Finding update(Finding f) {
        int rows = jdbc.sql("""
                update findings.finding set category_id = :categoryId, category = :category,
                    description = :description, source_kind = :sourceKind, source_id = :sourceId,
                    source_note = :sourceNote, people_concerned = :people, amount = :amount, severity = :severity,
                    state = :state, facts = :facts, rule_broken = :rule, proposed_handling = :handling,
                    drafted_by = :draftedBy, fixed_on_the_spot = :fixed, fix_action = :fixAction,
                    fixed_on = :fixedOn, version = version + 1
                where id = :id and version = :version
                """)
                .param("categoryId", f.categoryId())
                .param("category", f.category())
                .param("description", f.description())
                .param("sourceKind", f.sourceKind().name())
                .param("sourceId", f.sourceId())
                .param("sourceNote", f.sourceNote())
                .param("people", f.peopleConcerned())
                .param("amount", f.amount())
                .param("severity", f.severity().name())
                .param("state", f.state().name())
                .param("facts", f.facts())
                .param("rule", f.ruleBroken())
                .param("handling", f.proposedHandling())
                .param("draftedBy", f.draftedBy())
                .param("fixed", f.fixedOnTheSpot())
                .param("fixAction", f.fixAction())
                .param("fixedOn", f.fixedOn())
                .param("id", f.id())
                .param("version", f.version())
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("finding " + f.id() + " was changed by someone else");
        }
        return find(f.id()).orElseThrow();
    }

    Optional<Finding> find(long id) {
        return jdbc.sql(SELECT + "where id = :id")
                .param("id", id)
                .query(FindingRecords::map)
                .optional();
    }

    /** A finding within the scope's subtrees (path prefixes). */
    Optional<Finding> find(long id, List<String> scopePrefixes) {
        return jdbc.sql(SELECT + "where id = :id and locality_path like any (array[:prefixes]::text[])")
                .param("id", id)
                .param("prefixes", nonEmpty(scopePrefixes))
                .query(FindingRecords::map)
                .optional();
    }

    /** The round's findings in the given 村居 (the ones the caller may see), 村居 by 村居. */
    List<Finding> ofRound(RoundId round, List<Long> localityIds, @Nullable FindingState state) {
        if (localityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                where round_id = :round and locality_id in (:localities) and (:state = '' or state = :state)
                order by township_name, locality_name, id
                """)
                .param("round", round.value())
                .param("localities", localityIds)
                .param("state", state == null ? "" : state.name())
                .query(FindingRecords::map)
                .list();
    }

    /** Findings in the given states within the scope, oldest first (working paper queues). */
    List<Finding> inStates(List<FindingState> states, List<String> scopePrefixes) {
        return jdbc.sql(SELECT + """
                where state in (:states) and locality_path like any (array[:prefixes]::text[])
                order by recorded_at, id
                """)
                .param("states", states.stream().map(Enum::name).toList())
                .param("prefixes", nonEmpty(scopePrefixes))
                .query(FindingRecords::map)
                .list();
    }

    /** Earlier or later findings of the same 村居 and category (any round), for repeat detection. */
    List<Finding> sameLocalityAndCategory(Finding f) {
        return jdbc.sql(SELECT + "where locality_id = :locality and category_id = :category and id <> :id order by id")
                .param("locality", f.localityId())
                .param("category", f.categoryId())
                .param("id", f.id())
                .query(FindingRecords::map)
                .list();
    }

    /** Findings of the same round, township and category in other 村居, for common problems. */
    List<Finding> sameTownshipAndCategory(Finding f) {
        return jdbc.sql(SELECT + """
                where round_id = :round and township_id = :township and category_id = :category
                  and locality_id <> :locality order by id
                """)
                .param("round", f.roundId().value())
                .param("township", f.townshipId())
                .param("category", f.categoryId())
                .param("locality", f.localityId())
                .query(FindingRecords::map)
                .list();
    }

    void addStep(long findingId, PaperStep.Action action, String actor, String actorName, Instant at, String comment) {
        jdbc.sql("""
                insert into findings.paper_step (finding_id, action, actor, actor_name, at, comment)
                values (:finding, :action, :actor, :name, :at, :comment)
                """)
                .param("finding", findingId)
                .param("action", action.name())
                .param("actor", actor)
                .param("name", actorName)
                .param("at", Timestamp.from(at))
                .param("comment", comment)
                .update();
    }

    List<PaperStep> steps(long findingId) {
        return jdbc.sql("select * from findings.paper_step where finding_id = :id order by id")
                .param("id", findingId)
                .query((rs, n) -> new PaperStep(
                        rs.getLong("id"),
                        rs.getLong("finding_id"),
                        PaperStep.Action.valueOf(rs.getString("action")),
                        rs.getString("actor"),
                        rs.getString("actor_name"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("comment")))
                .list();
    }

    long addEvidence(long findingId, Evidence.Purpose purpose, String title) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into findings.evidence (finding_id, purpose, title) values (:finding, :purpose, :title)")
                .param("finding", findingId)
                .param("purpose", purpose.name())
                .param("title", title)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Adds the next version of an evidence item's file, bumping the item's version (optimistic lock). */
    void addVersion(long evidenceId, int expectedVersion, Evidence.FileVersion file) {
        int rows = jdbc.sql("update findings.evidence set version = version + 1 where id = :id and version = :version")
                .param("id", evidenceId)
                .param("version", expectedVersion)
                .update();
        if (rows == 0) {
            throw new OptimisticLockingFailureException("evidence " + evidenceId + " was changed by someone else");
        }
        jdbc.sql("""
                insert into findings.evidence_version (evidence_id, number, file_id, file_name, sha256, size,
                    file_type, uploaded_by, uploaded_at)
                values (:evidence, (select coalesce(max(number), 0) + 1 from findings.evidence_version
                                    where evidence_id = :evidence),
                        :fileId, :name, :sha, :size, :type, :by, :at)
                """)
                .param("evidence", evidenceId)
                .param("fileId", file.fileId())
                .param("name", file.fileName())
                .param("sha", file.sha256())
                .param("size", file.size())
                .param("type", file.fileType())
                .param("by", file.uploadedBy())
                .param("at", Timestamp.from(file.uploadedAt()))
                .update();
    }

    List<Evidence> evidence(long findingId) {
        Map<Long, List<Evidence.FileVersion>> versions = new LinkedHashMap<>();
        jdbc.sql("""
                select v.* from findings.evidence_version v join findings.evidence e on e.id = v.evidence_id
                where e.finding_id = :id order by v.evidence_id, v.number
                """)
                .param("id", findingId)
                .query(FindingRecords::fileVersion)
                .list()
                .forEach(v -> versions.computeIfAbsent(v.evidenceId(), k -> new ArrayList<>())
                        .add(v));
        return jdbc
                .sql("select * from findings.evidence where finding_id = :id order by id")
                .param("id", findingId)
                .query((rs, n) -> new Evidence(
                        rs.getLong("id"),
                        rs.getLong("finding_id"),
                        Evidence.Purpose.valueOf(rs.getString("purpose")),
                        rs.getString("title"),
                        rs.getInt("version"),
                        versions.getOrDefault(rs.getLong("id"), List.of())))
                .list()
                .stream()
                .filter(e -> !e.versions().isEmpty())
                .toList();
    }

    /** The version with this file id, with the finding it belongs to. */
    Optional<Map.Entry<Long, Evidence.FileVersion>> fileVersion(String fileId) {
        return jdbc.sql("""
                select e.finding_id, v.* from findings.evidence_version v
                join findings.evidence e on e.id = v.evidence_id where v.file_id = :file
                """)
                .param("file", fileId)
                .query((rs, n) -> Map.entry(rs.getLong("finding_id"), fileVersion(rs, n)))
                .optional();
    }

    void link(long findingId, long relatedId, FindingLink.Kind kind, double similarity, Instant at) {
        jdbc.sql("""
                insert into findings.finding_link (finding_id, related_id, kind, similarity, found_at)
                values (:a, :b, :kind, :sim, :at) on conflict do nothing
                """)
                .param("a", findingId)
                .param("b", relatedId)
                .param("kind", kind.name())
                .param("sim", BigDecimal.valueOf(similarity).setScale(3, java.math.RoundingMode.HALF_UP))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Links of a finding in either direction, with the other finding's essentials. */
    List<FindingLink> links(long findingId) {
        return jdbc.sql("""
                select l.kind, l.similarity, o.id, o.round_id, o.locality_name, o.category, o.description, o.state
                from (select related_id as other, kind, similarity from findings.finding_link where finding_id = :id
                      union select finding_id, kind, similarity from findings.finding_link where related_id = :id) l
                join findings.finding o on o.id = l.other
                order by l.kind desc, o.id
                """)
                .param("id", findingId)
                .query((rs, n) -> new FindingLink(
                        rs.getLong("id"),
                        FindingLink.Kind.valueOf(rs.getString("kind")),
                        rs.getDouble("similarity"),
                        rs.getString("locality_name"),
                        rs.getLong("round_id"),
                        rs.getString("category"),
                        rs.getString("description"),
                        FindingState.valueOf(rs.getString("state"))))
                .list();
    }

    static List<String> nonEmpty(List<String> prefixes) {
        return prefixes.isEmpty() ? List.of("!") : prefixes;
    }

    private static Evidence.FileVersion fileVersion(ResultSet rs, int n) throws SQLException {
        return new Evidence.FileVersion(
                rs.getLong("evidence_id"),
                rs.getInt("number"),
                rs.getString("file_id"),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getLong("size"),
                rs.getString("file_type"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    static Finding map(ResultSet rs, int n) throws SQLException {
        long source = rs.getLong("source_id");
        Long sourceId = rs.wasNull() ? null : source;
        long petition = rs.getLong("petition_id");
        Long petitionId = rs.wasNull() ? null : petition;
        java.sql.Date fixedOn = rs.getDate("fixed_on");
        LocalDate fixed = fixedOn == null ? null : fixedOn.toLocalDate();
        return new Finding(
                rs.getLong("id"),
                new RoundId(rs.getLong("round_id")),
                rs.getInt("group_number"),
                rs.getLong("locality_id"),
                rs.getString("locality_name"),
                rs.getString("locality_path"),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getLong("category_id"),
                rs.getString("category"),
                rs.getString("description"),
                SourceKind.valueOf(rs.getString("source_kind")),
                sourceId,
                rs.getString("source_note"),
                rs.getString("people_concerned"),
                rs.getBigDecimal("amount"),
                Severity.valueOf(rs.getString("severity")),
                petitionId,
                FindingState.valueOf(rs.getString("state")),
                rs.getString("facts"),
                rs.getString("rule_broken"),
                rs.getString("proposed_handling"),
                rs.getString("drafted_by"),
                rs.getBoolean("fixed_on_the_spot"),
                rs.getString("fix_action"),
                fixed,
                rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getInt("version"));
    }
}
