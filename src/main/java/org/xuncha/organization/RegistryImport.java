package org.xuncha.organization;

import static org.xuncha.organization.RegistrySheets.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditAction;
import org.xuncha.audit.AuditLog;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.documents.XlsxError;
import org.xuncha.documents.XlsxErrors;
import org.xuncha.documents.XlsxRejected;
import org.xuncha.organization.RegionWriter.NewHousehold;
import org.xuncha.organization.RegionWriter.NewRegion;
import org.xuncha.organization.RegionWriter.RegionChange;
import org.xuncha.organization.RegistryLookup.ExistingHousehold;
import org.xuncha.organization.RegistryLookup.ExistingRegion;
import org.xuncha.organization.RegistryWorkbook.HouseholdRow;
import org.xuncha.organization.RegistryWorkbook.LocalityRow;
import org.xuncha.organization.RegistryWorkbook.TownshipRow;

/**
 * Excel import of the registry (名册导入): township units, 村居 and households from one workbook, upserted by code.
 * Everything is checked first and every problem collected (columns, cells, duplicate codes, unknown or out-of-scope
 * parents); with any problem nothing is written. Otherwise everything is written in one transaction, in batches,
 * with one audit entry. Runs in the background and reports progress through its {@link ImportJob}.
 */
@Service
class RegistryImport {

    private static final Logger log = LoggerFactory.getLogger(RegistryImport.class);
    private static final int BATCH = 1_000;

    /** A new 村居; its parent id is null when the township is itself new in this file. */
    private record PendingLocality(
            LocalityRow row, @Nullable Long townshipId) {}

    /** A new or changed household; its 村居 id is null when the 村居 is itself new in this file. */
    private record PendingHousehold(
            HouseholdRow row, @Nullable Long localityId) {}

    /** What the import will write, decided before anything is written. */
    private record Plan(
            List<NewRegion> newTownships,
            List<RegionChange> changedTownships,
            List<PendingLocality> newLocalities,
            List<RegionChange> renamedLocalities,
            Map<Long, Locality.Facts> revisedFacts,
            List<PendingHousehold> households,
            List<ImportJob.SheetCounts> summary) {

        int rowsToWrite() {
            return newTownships.size()
                    + changedTownships.size()
                    + newLocalities.size()
                    + renamedLocalities.size()
                    + revisedFacts.size()
                    + households.size();
        }
    }

    private final ImportJobs jobs;
    private final RegistryLookup lookup;
    private final RegionWriter writer;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final Clock clock;

    RegistryImport(
            ImportJobs jobs,
            RegistryLookup lookup,
            RegionWriter writer,
            AuditLog auditLog,
            TransactionTemplate transactions,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock) {
        this.jobs = jobs;
        this.lookup = lookup;
        this.writer = writer;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Starts importing an uploaded file in the background, as the signed-in user and within their scope, and
     * returns the job to follow. The file is deleted when the import ends.
     */
    UUID start(Path upload, String fileName, RegionScope scope) {
        UUID id = jobs.create(currentUser(), fileName, clock.instant());
        try {
            executor.execute(new DelegatingSecurityContextRunnable(() -> {
                try {
                    run(id, upload, fileName, scope);
                } finally {
                    delete(upload);
                }
            }));
        } catch (TaskRejectedException e) {
            delete(upload);
            jobs.fail(id, 1, List.of(XlsxError.ofFile(fileName, "registry.writeFailed")), clock.instant());
            throw e;
        }
        return id;
    }

    /** Imports a file to the end in the calling thread and returns the finished job (tests, benchmark). */
    ImportJob importNow(Path file, String fileName, RegionScope scope) {
        String owner = currentUser();
        UUID id = jobs.create(owner, fileName, clock.instant());
        run(id, file, fileName, scope);
        return jobs.find(id, owner).orElseThrow();
    }

    private void run(UUID jobId, Path file, String fileName, RegionScope scope) {
        XlsxErrors errors = new XlsxErrors();
        try {
            long started = System.nanoTime();
            Progress progress = new Progress(jobId);
            RegistryWorkbook workbook = RegistryWorkbook.read(
                    file,
                    fileName,
                    errors,
                    (rows, estimate) -> progress.report(ImportJob.Phase.VALIDATING, rows, estimate));
            long read = System.nanoTime();
            Plan plan = plan(workbook, scope);
            long checked = System.nanoTime();
            if (!errors.isEmpty()) {
                fail(jobId, fileName, errors);
                return;
            }
            jobs.progress(jobId, ImportJob.Phase.WRITING, 0, plan.rowsToWrite());
            transactions.executeWithoutResult(status -> write(jobId, fileName, plan, progress));
            jobs.succeed(jobId, plan.summary(), clock.instant());
            log.info(
                    "Import {} of {}: {} rows read in {} ms, checked against the registry in {} ms, {} written in {} ms",
                    jobId,
                    fileName,
                    workbook.rowsRead(),
                    millis(started, read),
                    millis(read, checked),
                    plan.rowsToWrite(),
                    millis(checked, System.nanoTime()));
        } catch (XlsxRejected rejected) {
            errors.add(rejected.error());
            fail(jobId, fileName, errors);
        } catch (DataIntegrityViolationException e) {
            log.warn("Import {} of {} conflicted with a concurrent change", jobId, fileName, e);
            errors.add(XlsxError.ofFile(fileName, "registry.concurrentChange"));
            fail(jobId, fileName, errors);
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed", jobId, fileName, e);
            errors.add(XlsxError.ofFile(fileName, "registry.writeFailed"));
            fail(jobId, fileName, errors);
        }
    }

    /** The checks that need the database, then what to write: codes resolved with one query per table. */
    private Plan plan(RegistryWorkbook workbook, RegionScope scope) {
        Set<String> regionCodes = new HashSet<>();
        workbook.townships().forEach(t -> {
            regionCodes.add(t.code());
            regionCodes.add(t.districtCode());
        });
        workbook.localities().forEach(l -> {
            regionCodes.add(l.code());
            regionCodes.add(l.townshipCode());
        });
        workbook.households().forEach(h -> regionCodes.add(h.localityCode()));
        Map<String, ExistingRegion> regions = lookup.regions(regionCodes, scope);
        Map<String, ExistingHousehold> existingHouseholds = lookup.households(
                workbook.households().stream().map(HouseholdRow::code).toList(), scope);

        List<NewRegion> newTownships = new ArrayList<>();
        List<RegionChange> changedTownships = new ArrayList<>();
        int townshipsUnchanged = 0;
        for (TownshipRow row : workbook.townships()) {
            ExistingRegion existing = regions.get(row.code());
            if (existing != null) {
                if (existing.level() != RegionLevel.TOWNSHIP || !existing.inScope()) {
                    workbook.reject(row, T_CODE, "registry.codeTaken", row.code());
                } else if (!row.districtCode().equals(existing.parentCode())) {
                    workbook.reject(row, T_DISTRICT, "registry.cannotMove", row.code(), existing.parentCode());
                } else if (!row.name().equals(existing.name()) || row.kind() != existing.kind()) {
                    changedTownships.add(new RegionChange(existing.id(), row.name(), row.kind()));
                } else {
                    townshipsUnchanged++;
                }
                continue;
            }
            ExistingRegion district = regions.get(row.districtCode());
            if (district == null || district.level() != RegionLevel.DISTRICT || !district.inScope()) {
                workbook.reject(row, T_DISTRICT, "registry.unknownDistrict", row.districtCode());
            } else {
                newTownships.add(
                        new NewRegion(district.id(), RegionLevel.TOWNSHIP, row.kind(), row.code(), row.name()));
            }
        }

        List<PendingLocality> newLocalities = new ArrayList<>();
        List<RegionChange> renamedLocalities = new ArrayList<>();
        Map<Long, Locality.Facts> revisedFacts = new LinkedHashMap<>();
        int localitiesUpdated = 0;
        int localitiesUnchanged = 0;
        for (LocalityRow row : workbook.localities()) {
            ExistingRegion existing = regions.get(row.code());
            if (existing != null) {
                if (existing.level() != RegionLevel.LOCALITY || !existing.inScope()) {
                    workbook.reject(row, L_CODE, "registry.codeTaken", row.code());
                    continue;
                }
                if (!row.townshipCode().equals(existing.parentCode())) {
                    workbook.reject(row, L_TOWNSHIP, "registry.cannotMove", row.code(), existing.parentCode());
                    continue;
                }
                boolean renamed = !row.name().equals(existing.name()) || row.kind() != existing.kind();
                boolean revised = !row.facts().equals(existing.facts());
                if (renamed) {
                    renamedLocalities.add(new RegionChange(existing.id(), row.name(), row.kind()));
                }
                if (revised) {
                    revisedFacts.put(existing.id(), row.facts());
                }
                if (renamed || revised) {
                    localitiesUpdated++;
                } else {
                    localitiesUnchanged++;
                }
                continue;
            }
            ExistingRegion township = regions.get(row.townshipCode());
            if (township != null && township.level() == RegionLevel.TOWNSHIP && township.inScope()) {
                newLocalities.add(new PendingLocality(row, township.id()));
            } else if (workbook.hasTownship(row.townshipCode())) {
                newLocalities.add(new PendingLocality(row, null));
            } else {
                workbook.reject(row, L_TOWNSHIP, "registry.unknownTownship", row.townshipCode());
            }
        }

        List<PendingHousehold> households = new ArrayList<>();
        int householdsAdded = 0;
        int householdsUpdated = 0;
        int householdsUnchanged = 0;
        for (HouseholdRow row : workbook.households()) {
            ExistingRegion locality = regions.get(row.localityCode());
            Long localityId;
            if (locality != null && locality.level() == RegionLevel.LOCALITY && locality.inScope()) {
                localityId = locality.id();
            } else if (workbook.hasLocality(row.localityCode())) {
                localityId = null;
            } else {
                workbook.reject(row, H_LOCALITY, "registry.unknownLocality", row.localityCode());
                continue;
            }
            ExistingHousehold existing = existingHouseholds.get(row.code());
            if (existing != null && !existing.inScope()) {
                workbook.reject(row, H_CODE, "registry.codeTaken", row.code());
                continue;
            }
            if (row.idNumberMasked()
                    && (existing == null || !Objects.equals(existing.idNumberTail(), row.maskedTail()))) {
                workbook.reject(row, H_ID_NUMBER, "registry.maskedIdNumber");
                continue;
            }
            if (existing == null) {
                householdsAdded++;
                households.add(new PendingHousehold(row, localityId));
            } else if (changed(row, localityId, existing)) {
                householdsUpdated++;
                households.add(new PendingHousehold(row, localityId));
            } else {
                householdsUnchanged++;
            }
        }

        List<ImportJob.SheetCounts> summary = new ArrayList<>();
        if (workbook.townshipSheet() != null) {
            summary.add(new ImportJob.SheetCounts(
                    workbook.townshipSheet(), newTownships.size(), changedTownships.size(), townshipsUnchanged));
        }
        if (workbook.localitySheet() != null) {
            summary.add(new ImportJob.SheetCounts(
                    workbook.localitySheet(), newLocalities.size(), localitiesUpdated, localitiesUnchanged));
        }
        if (workbook.householdSheet() != null) {
            summary.add(new ImportJob.SheetCounts(
                    workbook.householdSheet(), householdsAdded, householdsUpdated, householdsUnchanged));
        }
        return new Plan(
                newTownships, changedTownships, newLocalities, renamedLocalities, revisedFacts, households, summary);
    }

    /** A household is rewritten only when something differs; an ID number given in full always counts as new. */
    private static boolean changed(HouseholdRow row, @Nullable Long localityId, ExistingHousehold existing) {
        return localityId == null
                || localityId != existing.localityId()
                || !row.headName().equals(existing.headName())
                || !Objects.equals(row.villagerGroup(), existing.villagerGroup())
                || !Objects.equals(row.address(), existing.address())
                || row.fiveGuarantees() != existing.fiveGuarantees()
                || row.minimumLiving() != existing.minimumLiving()
                || row.dilapidatedHousing() != existing.dilapidatedHousing()
                || row.idNumber() != null;
    }

    /** Writes the plan in the caller's transaction: regions, then 村居 facts, then households in batches. */
    private void write(UUID jobId, String fileName, Plan plan, Progress progress) {
        int total = plan.rowsToWrite();
        int done = 0;
        Map<String, Long> townshipIds = writer.insertRegions(plan.newTownships());
        writer.updateRegions(plan.changedTownships());
        done += plan.newTownships().size() + plan.changedTownships().size();

        List<NewRegion> localityRegions = new ArrayList<>();
        for (PendingLocality pending : plan.newLocalities()) {
            LocalityRow row = pending.row();
            long parent = pending.townshipId() != null ? pending.townshipId() : townshipIds.get(row.townshipCode());
            localityRegions.add(new NewRegion(parent, RegionLevel.LOCALITY, row.kind(), row.code(), row.name()));
        }
        Map<String, Long> localityIds = writer.insertRegions(localityRegions);
        Map<Long, Locality.Facts> newFacts = new HashMap<>();
        plan.newLocalities()
                .forEach(p ->
                        newFacts.put(localityIds.get(p.row().code()), p.row().facts()));
        writer.insertLocalities(newFacts);
        writer.updateRegions(plan.renamedLocalities());
        writer.updateLocalities(plan.revisedFacts());
        done += plan.newLocalities().size()
                + plan.renamedLocalities().size()
                + plan.revisedFacts().size();
        progress.report(ImportJob.Phase.WRITING, done, total);

        List<NewHousehold> batch = new ArrayList<>(BATCH);
        for (PendingHousehold pending : plan.households()) {
            HouseholdRow row = pending.row();
            long localityId = pending.localityId() != null ? pending.localityId() : localityIds.get(row.localityCode());
            batch.add(new NewHousehold(
                    localityId,
                    row.code(),
                    row.headName(),
                    row.villagerGroup(),
                    row.address(),
                    row.fiveGuarantees(),
                    row.minimumLiving(),
                    row.dilapidatedHousing(),
                    row.idNumber()));
            if (batch.size() == BATCH) {
                writer.upsertHouseholds(batch);
                done += batch.size();
                batch.clear();
                progress.report(ImportJob.Phase.WRITING, done, total);
            }
        }
        writer.upsertHouseholds(batch);
        auditLog.record(
                AuditAction.IMPORT,
                "RegistryImport",
                jobId,
                AuditOutcome.SUCCESS,
                fileName + ": " + describe(plan.summary()));
    }

    /** Writes progress at most four times a second: the page polls once a second, and each write is a commit. */
    private final class Progress {
        private final UUID jobId;
        private long last = System.nanoTime();

        Progress(UUID jobId) {
            this.jobId = jobId;
        }

        void report(ImportJob.Phase phase, int done, int total) {
            long now = System.nanoTime();
            if (now - last >= 250_000_000L) {
                jobs.progress(jobId, phase, done, total);
                last = now;
            }
        }
    }

    private void fail(UUID jobId, String fileName, XlsxErrors errors) {
        jobs.fail(jobId, errors.count(), errors.sorted(), clock.instant());
        auditLog.record(
                AuditAction.IMPORT,
                "RegistryImport",
                jobId,
                AuditOutcome.FAILURE,
                fileName + ": refused with " + errors.count() + " problem(s), nothing written");
    }

    private static String describe(List<ImportJob.SheetCounts> summary) {
        StringBuilder text = new StringBuilder();
        for (ImportJob.SheetCounts counts : summary) {
            text.append(counts.sheet())
                    .append(" added ")
                    .append(counts.added())
                    .append(", updated ")
                    .append(counts.updated())
                    .append(", unchanged ")
                    .append(counts.unchanged())
                    .append("; ");
        }
        return text.toString();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete uploaded file {}", file, e);
        }
    }
}
