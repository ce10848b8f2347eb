package org.xuncha.inspectors;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.web.Paged;

/** The inspectors of the pool with their lists, always read within a {@link PoolScope} for people. */
@Repository
class Inspectors {

    /** Filters of the pool list; every field optional, every choice an enum or an id. */
    record Filter(
            @Nullable Tier tier,
            @Nullable UnitKind unitKind,
            @Nullable Expertise expertise,
            @Nullable Long townshipId,
            @Nullable String name) {}

    /** One row of the pool list. */
    record Row(
            long id,
            String name,
            Sex sex,
            String unit,
            UnitKind unitKind,
            @Nullable String post,
            PoliticalStatus politicalStatus,
            Tier tier,
            Set<Expertise> expertise,
            @Nullable Long workTownshipId,
            @Nullable String phone) {

        public String maskedPhone() {
            return InspectorPage.maskPhone(phone);
        }
    }

    private static final String COLUMNS = """
            i.id, i.district_id, i.district_path, i.name, i.sex, i.unit, i.unit_kind, i.post, i.political_status, i.tier,
            i.expertise, i.work_township_id, i.home_township_id, i.linked_username, i.phone, i.id_number_cipher,
            i.id_number_tail, i.version
            """;

    private final JdbcClient jdbc;

    Inspectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Inspector> find(long id, PoolScope scope) {
        return jdbc.sql("select " + COLUMNS + " from inspectors.inspector i where i.id = :id and " + PoolScope.sql("i"))
                .param("id", id)
                .param("scopePaths", scope.paths())
                .query((rs, n) -> rs.getLong("id"))
                .optional()
                .flatMap(this::load);
    }

    Paged<Row> search(Filter filter, PoolScope scope, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        long total = jdbc.sql("select count(*) from inspectors.inspector i" + where)
                .params(params)
                .query(Long.class)
                .single();
        Paged<Row> shape = new Paged<>(List.of(), page, size, total);
        List<Row> rows = jdbc.sql("select " + COLUMNS + " from inspectors.inspector i" + where
                        + " order by i.tier, i.name, i.id limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", shape.offset())
                .query(Inspectors::row)
                .list();
        return new Paged<>(rows, page, size, total);
    }

    /** Every row the filter finds, for the export; the caller closes the stream. */
    Stream<Inspector> stream(Filter filter, PoolScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        List<Long> ids = jdbc.sql("select i.id from inspectors.inspector i" + where + " order by i.tier, i.name, i.id")
                .params(params)
                .query(Long.class)
                .list();
        return ids.stream().map(id -> load(id).orElseThrow());
    }

    /** The whole pool of a district with its recusal facts, in three queries whatever its size. */
    List<Inspector> ofDistrict(long districtId) {
        Map<Long, Inspector.Profile> profiles = new LinkedHashMap<>();
        Map<Long, Object[]> rest = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from inspectors.inspector i where i.district_id = :district order by i.id")
                .param("district", districtId)
                .query(rs -> {
                    profiles.put(rs.getLong("id"), profile(rs));
                    rest.put(rs.getLong("id"), new Object[] {
                        rs.getString("district_path"),
                        rs.getBytes("id_number_cipher"),
                        rs.getString("id_number_tail"),
                        rs.getInt("version")
                    });
                });
        Children children =
                children("join inspectors.inspector i on i.id = c.inspector_id where i.district_id = :key", districtId);
        List<Inspector> pool = new ArrayList<>(profiles.size());
        profiles.forEach((id, profile) -> {
            Object[] r = rest.get(id);
            pool.add(new Inspector(
                    id,
                    districtId,
                    (String) r[0],
                    profile,
                    (byte[]) r[1],
                    (String) r[2],
                    children.relatives(id),
                    children.trainings(id),
                    children.unavailability(id),
                    children.recusals(id),
                    children.exemptions(id),
                    (Integer) r[3]));
        });
        return pool;
    }

    /** One inspector regardless of scope, for other modules' checks through {@link InspectorPool}. */
    Optional<Inspector> findById(long id) {
        return jdbc.sql("select exists (select 1 from inspectors.inspector where id = :id)")
                        .param("id", id)
                        .query(Boolean.class)
                        .single()
                ? load(id)
                : Optional.empty();
    }

    List<Map.Entry<Long, String>> names(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, name from inspectors.inspector where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** Unit and post of each of the given people (e.g. 区审计局副局长). */
    List<Map.Entry<Long, String>> units(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, unit || coalesce(post, '') from inspectors.inspector where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list();
    }

    /** The director's exceptions for everyone in a district's pool. */
    List<RecusalExemption> exemptionsOfDistrict(long districtId) {
        return jdbc.sql("""
                        select e.inspector_id, e.region_id, e.rule, e.reason from inspectors.recusal_exemption e
                        join inspectors.inspector i on i.id = e.inspector_id where i.district_id = :district order by e.id
                        """)
                .param("district", districtId)
                .query((rs, n) -> new RecusalExemption(
                        new InspectorId(rs.getLong(1)),
                        rs.getLong(2),
                        RecusalRule.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .list();
    }

    Optional<Long> idOfUsername(String username) {
        return jdbc.sql("select id from inspectors.inspector where linked_username = :username")
                .param("username", username)
                .query(Long.class)
                .optional();
    }

    boolean usernameTaken(String username, long exceptId) {
        return jdbc.sql("select exists (select 1 from inspectors.inspector where linked_username = :u and id <> :id)")
                .param("u", username)
                .param("id", exceptId)
                .query(Boolean.class)
                .single();
    }

    /** Inserts a new inspector or updates one, refusing a stale version; returns the id. */
    long save(Inspector inspector) {
        Inspector.Profile p = inspector.profile();
        long id;
        if (inspector.id() == 0) {
            id = jdbc.sql("""
                            insert into inspectors.inspector (district_id, district_path, name, sex, unit, unit_kind, post,
                                political_status, tier, expertise, work_township_id, home_township_id, linked_username, phone,
                                id_number_cipher, id_number_tail)
                            values (:district, :path, :name, :sex, :unit, :unitKind, :post, :political, :tier,
                                string_to_array(:expertise, ','), :work, :home, :username, :phone, :cipher, :tail)
                            returning id
                            """)
                    .param("district", inspector.districtId())
                    .param("path", inspector.districtPath())
                    .params(profileParams(p))
                    .param("cipher", inspector.idNumberCipher())
                    .param("tail", inspector.idNumberTail())
                    .query(Long.class)
                    .single();
        } else {
            id = inspector.id();
            int updated = jdbc.sql("""
                            update inspectors.inspector set name = :name, sex = :sex, unit = :unit, unit_kind = :unitKind,
                                post = :post, political_status = :political, tier = :tier,
                                expertise = string_to_array(:expertise, ','), work_township_id = :work,
                                home_township_id = :home, linked_username = :username, phone = :phone,
                                id_number_cipher = :cipher, id_number_tail = :tail, version = version + 1
                            where id = :id and version = :version
                            """)
                    .params(profileParams(p))
                    .param("cipher", inspector.idNumberCipher())
                    .param("tail", inspector.idNumberTail())
                    .param("id", id)
                    .param("version", inspector.version())
                    .update();
            if (updated == 0) {
                throw new OptimisticLockingFailureException("inspector " + id + " changed since it was read");
            }
        }
        saveChildren(id, inspector);
        return id;
    }

    private void saveChildren(long id, Inspector inspector) {
        jdbc.sql("delete from inspectors.relative where inspector_id = :id")
                .param("id", id)
                .update();
        for (Inspector.Relative r : inspector.relatives()) {
            jdbc.sql(
                            "insert into inspectors.relative (inspector_id, locality_id, relation) values (:id, :locality, :relation)")
                    .param("id", id)
                    .param("locality", r.localityId())
                    .param("relation", r.relation())
                    .update();
        }
        replace(
                "training",
                id,
                inspector.trainings().stream().map(Inspector.Training::id).toList());
        for (Inspector.Training t : inspector.trainings()) {
            if (t.id() == 0) {
                jdbc.sql("insert into inspectors.training (inspector_id, held_on, course) values (:id, :on, :course)")
                        .param("id", id)
                        .param("on", t.heldOn())
                        .param("course", t.course())
                        .update();
            }
        }
        replace(
                "unavailability",
                id,
                inspector.unavailability().stream()
                        .map(Inspector.Unavailable::id)
                        .toList());
        for (Inspector.Unavailable u : inspector.unavailability()) {
            if (u.id() == 0) {
                jdbc.sql("insert into inspectors.unavailability (inspector_id, from_date, to_date, reason)"
                                + " values (:id, :from, :to, :reason)")
                        .param("id", id)
                        .param("from", u.period().from())
                        .param("to", u.period().to())
                        .param("reason", u.reason())
                        .update();
            }
        }
        replace(
                "manual_recusal",
                id,
                inspector.manualRecusals().stream()
                        .map(Inspector.ManualRecusalEntry::id)
                        .toList());
        for (Inspector.ManualRecusalEntry r : inspector.manualRecusals()) {
            if (r.id() == 0) {
                jdbc.sql(
                                "insert into inspectors.manual_recusal (inspector_id, region_id, reason, recorded_by, recorded_at)"
                                        + " values (:id, :region, :reason, :by, :at)")
                        .param("id", id)
                        .param("region", r.regionId())
                        .param("reason", r.reason())
                        .param("by", r.recordedBy())
                        .param("at", Timestamp.from(r.recordedAt()))
                        .update();
            }
        }
        replace(
                "recusal_exemption",
                id,
                inspector.exemptions().stream().map(Inspector.Exemption::id).toList());
        for (Inspector.Exemption e : inspector.exemptions()) {
            if (e.id() == 0) {
                jdbc.sql(
                                "insert into inspectors.recusal_exemption (inspector_id, region_id, rule, reason, granted_by, granted_at)"
                                        + " values (:id, :region, :rule, :reason, :by, :at)")
                        .param("id", id)
                        .param("region", e.regionId())
                        .param("rule", e.rule().name())
                        .param("reason", e.reason())
                        .param("by", e.grantedBy())
                        .param("at", Timestamp.from(e.grantedAt()))
                        .update();
            }
        }
    }

    /** Deletes the saved entries of a list that the aggregate no longer holds. */
    private void replace(String table, long id, List<Long> kept) {
        List<Long> keep = kept.stream().filter(k -> k != 0).toList();
        jdbc.sql("delete from inspectors." + table + " where inspector_id = :id"
                        + (keep.isEmpty() ? "" : " and id not in (:kept)"))
                .param("id", id)
                .param("kept", keep.isEmpty() ? List.of(-1L) : keep)
                .update();
    }

    private Optional<Inspector> load(long id) {
        Children children = children("where c.inspector_id = :key", id);
        return jdbc.sql("select " + COLUMNS + " from inspectors.inspector i where i.id = :id")
                .param("id", id)
                .query((rs, n) -> new Inspector(
                        id,
                        rs.getLong("district_id"),
                        rs.getString("district_path"),
                        profile(rs),
                        rs.getBytes("id_number_cipher"),
                        rs.getString("id_number_tail"),
                        children.relatives(id),
                        children.trainings(id),
                        children.unavailability(id),
                        children.recusals(id),
                        children.exemptions(id),
                        rs.getInt("version")))
                .optional();
    }

    /** The lists of one inspector or of a whole district, grouped by inspector id. */
    private record Children(
            Map<Long, List<Inspector.Relative>> relative,
            Map<Long, List<Inspector.Training>> training,
            Map<Long, List<Inspector.Unavailable>> unavailable,
            Map<Long, List<Inspector.ManualRecusalEntry>> recusal,
            Map<Long, List<Inspector.Exemption>> exemption) {

        List<Inspector.Relative> relatives(long id) {
            return relative.getOrDefault(id, List.of());
        }

        List<Inspector.Training> trainings(long id) {
            return training.getOrDefault(id, List.of());
        }

        List<Inspector.Unavailable> unavailability(long id) {
            return unavailable.getOrDefault(id, List.of());
        }

        List<Inspector.ManualRecusalEntry> recusals(long id) {
            return recusal.getOrDefault(id, List.of());
        }

        List<Inspector.Exemption> exemptions(long id) {
            return exemption.getOrDefault(id, List.of());
        }
    }

    private Children children(String condition, long key) {
        Map<Long, List<Inspector.Relative>> relatives = jdbc
                .sql("select c.inspector_id, c.locality_id, c.relation from inspectors.relative c " + condition
                        + " order by c.locality_id")
                .param("key", key)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Inspector.Relative(rs.getLong(2), rs.getString(3))))
                .stream()
                .collect(grouped());
        Map<Long, List<Inspector.Training>> trainings = jdbc
                .sql("select c.inspector_id, c.id, c.held_on, c.course from inspectors.training c " + condition
                        + " order by c.held_on desc, c.id")
                .param("key", key)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new Inspector.Training(rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4))))
                .stream()
                .collect(grouped());
        Map<Long, List<Inspector.Unavailable>> unavailable = jdbc
                .sql("select c.inspector_id, c.id, c.from_date, c.to_date, c.reason from inspectors.unavailability c "
                        + condition + " order by c.from_date, c.id")
                .param("key", key)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new Inspector.Unavailable(
                                rs.getLong(2),
                                new DateRange(rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)),
                                rs.getString(5))))
                .stream()
                .collect(grouped());
        Map<Long, List<Inspector.ManualRecusalEntry>> recusals = jdbc
                .sql("select c.inspector_id, c.id, c.region_id, c.reason, c.recorded_by, c.recorded_at"
                        + " from inspectors.manual_recusal c " + condition + " order by c.id")
                .param("key", key)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new Inspector.ManualRecusalEntry(
                                rs.getLong(2),
                                rs.getLong(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant())))
                .stream()
                .collect(grouped());
        Map<Long, List<Inspector.Exemption>> exemptions = jdbc
                .sql("select c.inspector_id, c.id, c.region_id, c.rule, c.reason, c.granted_by, c.granted_at"
                        + " from inspectors.recusal_exemption c " + condition + " order by c.id")
                .param("key", key)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        new Inspector.Exemption(
                                rs.getLong(2),
                                rs.getLong(3),
                                RecusalRule.valueOf(rs.getString(4)),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant())))
                .stream()
                .collect(grouped());
        return new Children(relatives, trainings, unavailable, recusals, exemptions);
    }

    private static <T> java.util.stream.Collector<Map.Entry<Long, T>, ?, Map<Long, List<T>>> grouped() {
        return Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList()));
    }

    private static Map<String, Object> profileParams(Inspector.Profile p) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", p.name());
        params.put("sex", p.sex().name());
        params.put("unit", p.unit());
        params.put("unitKind", p.unitKind().name());
        params.put("post", p.post());
        params.put("political", p.politicalStatus().name());
        params.put("tier", p.tier().name());
        params.put("expertise", p.expertise().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        params.put("work", p.workTownshipId());
        params.put("home", p.homeTownshipId());
        params.put("username", p.linkedUsername());
        params.put("phone", p.phone());
        return params;
    }

    private static String where(Filter filter, PoolScope scope, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(PoolScope.sql("i"));
        params.put("scopePaths", scope.paths());
        if (filter.tier() != null) {
            where.append(" and i.tier = :tier");
            params.put("tier", filter.tier().name());
        }
        if (filter.unitKind() != null) {
            where.append(" and i.unit_kind = :unitKind");
            params.put("unitKind", filter.unitKind().name());
        }
        if (filter.expertise() != null) {
            where.append(" and :expertise = any(i.expertise)");
            params.put("expertise", filter.expertise().name());
        }
        if (filter.townshipId() != null) {
            where.append(" and i.work_township_id = :township");
            params.put("township", filter.townshipId());
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            where.append(" and i.name like :name escape '\\'");
            params.put(
                    "name",
                    "%"
                            + filter.name()
                                    .strip()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        return where.toString();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Inspector.Profile p = profile(rs);
        return new Row(
                rs.getLong("id"),
                p.name(),
                p.sex(),
                p.unit(),
                p.unitKind(),
                p.post(),
                p.politicalStatus(),
                p.tier(),
                p.expertise(),
                p.workTownshipId(),
                p.phone());
    }

    private static Inspector.Profile profile(ResultSet rs) throws SQLException {
        return new Inspector.Profile(
                rs.getString("name"),
                Sex.valueOf(rs.getString("sex")),
                rs.getString("unit"),
                UnitKind.valueOf(rs.getString("unit_kind")),
                rs.getString("post"),
                PoliticalStatus.valueOf(rs.getString("political_status")),
                Tier.valueOf(rs.getString("tier")),
                expertise(rs.getArray("expertise")),
                nullableLong(rs, "work_township_id"),
                nullableLong(rs, "home_township_id"),
                rs.getString("linked_username"),
                rs.getString("phone"));
    }

    private static Set<Expertise> expertise(@Nullable Array array) throws SQLException {
        Set<Expertise> tags = EnumSet.noneOf(Expertise.class);
        if (array != null) {
            for (Object tag : (Object[]) array.getArray()) {
                tags.add(Expertise.valueOf((String) tag));
            }
        }
        return tags;
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
