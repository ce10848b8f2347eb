package org.xuncha.organization;

import static org.xuncha.organization.RegistrySheets.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.documents.XlsxExport;
import org.xuncha.documents.XlsxTable;

/**
 * Excel export of the registry (名册导出) within the caller's scope, in the column layout of the import template so
 * that an export can be edited and imported again. Rows stream from a database cursor into a streaming workbook, so
 * a province exports in constant memory. ID numbers leave only masked; importing the mask keeps the stored number.
 */
@Service
class RegistryExport {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final AuditLog auditLog;

    RegistryExport(DataSource dataSource, PlatformTransactionManager transactions, AuditLog auditLog) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(1_000);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.auditLog = auditLog;
    }

    /**
     * Writes township units and 村居, and the households too when the caller may read the roster, from one
     * read-only transaction (PostgreSQL streams a cursor only inside one); then audits what was exported.
     */
    void write(OutputStream out, RegionScope scope, boolean withHouseholds) throws IOException {
        Map<String, Object> params = Map.of("scopeIds", ScopeFilter.ids(scope));
        AtomicLong townships = new AtomicLong();
        AtomicLong localities = new AtomicLong();
        AtomicLong households = new AtomicLong();
        List<XlsxExport.SheetData> sheets = new ArrayList<>();
        sheets.add(sheet(
                TOWNSHIPS,
                TOWNSHIP_COLUMNS,
                townships,
                () -> jdbc.queryForStream(
                        """
                select r.code, r.name, r.kind, p.code as parent_code
                from organization.region r join organization.region p on p.id = r.parent_id
                where r.level = 'TOWNSHIP' and """ + " " + ScopeFilter.within("r") + " order by r.code",
                        params,
                        (rs, n) -> List.of(
                                rs.getString("code"), rs.getString("name"),
                                label(TOWNSHIP_KINDS, RegionKind.valueOf(rs.getString("kind"))),
                                        rs.getString("parent_code")))));
        sheets.add(sheet(
                LOCALITIES,
                LOCALITY_COLUMNS,
                localities,
                () -> jdbc.queryForStream(
                        """
                select r.code, r.name, p.code as parent_code, r.kind, l.party_org_type, l.party_secretary,
                  l.party_member_count, l.population, l.household_count, l.collective_funds, l.collective_assets,
                  l.collective_resources, l.weak_party_building, l.large_collective_economy, l.many_conflicts
                from organization.region r join organization.region p on p.id = r.parent_id
                  join organization.locality l on l.region_id = r.id
                where r.level = 'LOCALITY' and """ + " " + ScopeFilter.within("r") + " order by r.code",
                        params,
                        (rs, n) -> Arrays.asList(
                                rs.getString("code"),
                                rs.getString("name"),
                                rs.getString("parent_code"),
                                label(LOCALITY_KINDS, RegionKind.valueOf(rs.getString("kind"))),
                                label(ORG_TYPES, Locality.PartyOrgType.valueOf(rs.getString("party_org_type"))),
                                rs.getString("party_secretary"),
                                rs.getInt("party_member_count"),
                                rs.getInt("population"),
                                rs.getInt("household_count"),
                                rs.getBigDecimal("collective_funds"),
                                rs.getBigDecimal("collective_assets"),
                                rs.getBigDecimal("collective_resources"),
                                rs.getBoolean("weak_party_building"),
                                rs.getBoolean("large_collective_economy"),
                                rs.getBoolean("many_conflicts")))));
        if (withHouseholds) {
            sheets.add(sheet(
                    HOUSEHOLDS,
                    HOUSEHOLD_COLUMNS,
                    households,
                    () -> jdbc.queryForStream(
                            """
                    select h.code, r.code as locality_code, h.head_name, h.villager_group, h.address, h.five_guarantees,
                      h.minimum_living, h.dilapidated_housing, h.id_number_tail
                    from organization.household h join organization.region r on r.id = h.locality_id
                    where """ + " " + ScopeFilter.within("r") + " order by h.code", params, (rs, n) -> {
                                String tail = rs.getString("id_number_tail");
                                return Arrays.asList(
                                        rs.getString("code"),
                                        rs.getString("locality_code"),
                                        rs.getString("head_name"),
                                        rs.getString("villager_group"),
                                        rs.getString("address"),
                                        rs.getBoolean("five_guarantees"),
                                        rs.getBoolean("minimum_living"),
                                        rs.getBoolean("dilapidated_housing"),
                                        tail == null ? null : "*".repeat(14) + tail);
                            })));
        }
        try {
            readOnly.executeWithoutResult(status -> {
                try {
                    XlsxExport.write(out, sheets);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        auditLog.record(
                AuditAction.EXPORT,
                "Registry",
                null,
                AuditOutcome.SUCCESS,
                "township units " + townships.get() + ", 村居 " + localities.get()
                        + (withHouseholds ? ", households " + households.get() : ", no households"));
    }

    private static XlsxExport.SheetData sheet(
            String name,
            List<XlsxTable.Column> columns,
            AtomicLong counter,
            Supplier<Stream<List<@Nullable Object>>> rows) {
        // opened only when the workbook reaches this sheet, so one cursor is open at a time
        Stream<List<@Nullable Object>> lazy =
                Stream.of(rows).flatMap(Supplier::get).peek(r -> counter.incrementAndGet());
        return new XlsxExport.SheetData(
                name, columns.stream().map(XlsxTable.Column::header).toList(), lazy);
    }
}
