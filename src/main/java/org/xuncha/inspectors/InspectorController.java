package org.xuncha.inspectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.xuncha.documents.XlsxReader;
import org.xuncha.organization.RegionScope;
import org.xuncha.organization.RegionSummary;
import org.xuncha.organization.ResidentIdNumber;
import org.xuncha.web.Paged;

/** The pool list with filters, the inspector page, the create and edit forms, the lists on the page, the export. */
@Controller
class InspectorController {

    /** The create and edit form (基本信息); the ID number is kept only when one is typed. */
    record InspectorForm(
            @Nullable Long districtId,
            @NotBlank @Size(max = 40) String name,
            @NotNull Sex sex,
            @NotBlank @Size(max = 80) String unit,
            @NotNull UnitKind unitKind,
            @Size(max = 60) @Nullable String post,
            @NotNull PoliticalStatus politicalStatus,
            @NotNull Tier tier,
            @Nullable Set<Expertise> expertise,
            @Nullable Long workTownshipId,
            @Nullable Long homeTownshipId,

            @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9_.-]*") @Nullable
            String linkedUsername,

            @Pattern(regexp = "(1\\d{10}|0\\d{2,3}-?\\d{7,8})?") @Nullable
            String phone,

            @Pattern(regexp = "(\\d{17}[\\dXx])?") @Nullable String idNumber,
            int version) {

        static InspectorForm blank(@Nullable Long districtId) {
            return new InspectorForm(
                    districtId,
                    "",
                    Sex.MALE,
                    "",
                    UnitKind.DISCIPLINE,
                    null,
                    PoliticalStatus.CPC_MEMBER,
                    Tier.MEMBER_TIER,
                    Set.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    0);
        }

        static InspectorForm of(Inspector inspector) {
            Inspector.Profile p = inspector.profile();
            return new InspectorForm(
                    inspector.districtId(),
                    p.name(),
                    p.sex(),
                    p.unit(),
                    p.unitKind(),
                    p.post(),
                    p.politicalStatus(),
                    p.tier(),
                    p.expertise(),
                    p.workTownshipId(),
                    p.homeTownshipId(),
                    p.linkedUsername(),
                    p.phone(),
                    null,
                    inspector.version());
        }

        Inspector.Profile profile() {
            return new Inspector.Profile(
                    name.strip(),
                    sex,
                    unit.strip(),
                    unitKind,
                    blankToNull(post),
                    politicalStatus,
                    tier,
                    expertise == null || expertise.isEmpty() ? Set.of() : EnumSet.copyOf(expertise),
                    workTownshipId,
                    homeTownshipId,
                    blankToNull(linkedUsername),
                    blankToNull(phone));
        }

        @Nullable
        String typedIdNumber() {
            String id = blankToNull(idNumber);
            return id == null ? null : id.toUpperCase(java.util.Locale.ROOT);
        }

        private static @Nullable String blankToNull(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** 申报亲属. */
    record RelativeForm(
            @NotNull Long townshipId,
            @NotBlank @Size(max = 40) String localityName,
            @NotBlank @Size(max = 20) String relation,
            int version) {}

    /** 培训记录. */
    record TrainingForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate heldOn,

            @NotBlank @Size(max = 100) String course,
            int version) {}

    /** 不可用时段. */
    record UnavailabilityForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to,

            @NotBlank @Size(max = 200) String reason,
            int version) {}

    private final InspectorRecords records;
    private final MessageSource messages;
    private final InspectorImport inspectorImport;

    InspectorController(InspectorRecords records, MessageSource messages, InspectorImport inspectorImport) {
        this.records = records;
        this.messages = messages;
        this.inspectorImport = inspectorImport;
    }

    @GetMapping("/inspectors")
    @PreAuthorize(Access.VIEW)
    String list(
            @RequestParam(required = false) @Nullable Tier tier,
            @RequestParam(required = false) @Nullable UnitKind unitKind,
            @RequestParam(required = false) @Nullable Expertise expertise,
            @RequestParam(required = false) @Nullable Long township,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            RegionScope scope,
            Authentication authentication,
            Model model) {
        Inspectors.Filter filter = new Inspectors.Filter(tier, unitKind, expertise, township, name);
        List<RegionSummary> townships = records.townships(scope);
        Map<Long, String> townshipNames = new HashMap<>();
        townships.forEach(t -> townshipNames.put(t.id(), t.name()));
        model.addAttribute("filter", filter);
        model.addAttribute("results", records.search(filter, scope, Paged.pageNumber(page), Paged.pageSize(size)));
        model.addAttribute("townships", townships);
        model.addAttribute("townshipNames", townshipNames);
        model.addAttribute("personal", Access.manages(authentication));
        addChoices(model);
        return hx != null ? "inspectors/pool :: results" : "inspectors/pool";
    }

    @GetMapping("/inspectors/export")
    @PreAuthorize(Access.MANAGE)
    void export(
            @RequestParam(required = false) @Nullable Tier tier,
            @RequestParam(required = false) @Nullable UnitKind unitKind,
            @RequestParam(required = false) @Nullable Expertise expertise,
            @RequestParam(required = false) @Nullable Long township,
            @RequestParam(required = false) @Nullable String name,
            RegionScope scope,
            HttpServletResponse response)
            throws IOException {
        String fileName = message("inspectors.export.file") + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"inspectors.xlsx\"; filename*=UTF-8''"
                        + UriUtils.encode(fileName, StandardCharsets.UTF_8));
        records.export(
                new Inspectors.Filter(tier, unitKind, expertise, township, name),
                scope,
                response.getOutputStream(),
                exportLabels());
    }

    /** The import page: the template link and the upload form. */
    @GetMapping("/inspectors/import")
    @PreAuthorize(Access.MANAGE)
    String importPage(Model model) {
        model.addAttribute("maxMegabytes", XlsxReader.MAX_BYTES / (1024 * 1024));
        return "inspectors/import";
    }

    /** The import template: the export's sheet and headers, an example row and the notes sheet. */
    @GetMapping("/inspectors/import/template.xlsx")
    @PreAuthorize(Access.MANAGE)
    void importTemplate(HttpServletResponse response) throws IOException {
        String fileName = message("inspectors.import.templateFile") + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"inspectors-template.xlsx\"; filename*=UTF-8''"
                        + UriUtils.encode(fileName, StandardCharsets.UTF_8));
        inspectorImport.writeTemplate(response.getOutputStream(), exportLabels());
    }

    /** Imports an uploaded pool synchronously: all rows or none, with the summary or every problem found. */
    @PostMapping("/inspectors/import")
    @PreAuthorize(Access.MANAGE)
    String importUpload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            RegionScope scope,
            Model model,
            HttpServletResponse response)
            throws IOException {
        model.addAttribute("maxMegabytes", XlsxReader.MAX_BYTES / (1024 * 1024));
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "inspectors.import.noFile");
            return "inspectors/import";
        }
        Path upload = Files.createTempFile("inspector-import-", ".upload");
        try {
            file.transferTo(upload);
            InspectorImport.Result result =
                    inspectorImport.run(upload, fileName(file.getOriginalFilename()), scope, exportLabels());
            if (!result.succeeded()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            model.addAttribute("result", result);
        } finally {
            Files.deleteIfExists(upload);
        }
        return "inspectors/import";
    }

    /** The name the user's file had, without any path a browser may send, for messages only. */
    private static String fileName(@Nullable String original) {
        if (original == null || original.isBlank()) {
            return "upload.xlsx";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    @GetMapping("/inspectors/new")
    @PreAuthorize(Access.MANAGE)
    String createForm(RegionScope scope, Model model) {
        List<RegionSummary> districts = records.districts(scope);
        model.addAttribute(
                "form",
                InspectorForm.blank(
                        districts.isEmpty() ? null : districts.get(0).id()));
        return editPage(model, scope, null);
    }

    @PostMapping("/inspectors")
    @PreAuthorize(Access.MANAGE)
    String create(
            @Valid @ModelAttribute("form") InspectorForm form,
            BindingResult errors,
            RegionScope scope,
            Model model,
            RedirectAttributes redirect) {
        checkIdNumber(form, errors);
        if (form.districtId() == null) {
            errors.rejectValue("districtId", "inspector.district.required");
        }
        if (errors.hasErrors()) {
            return editPage(model, scope, null);
        }
        long id;
        try {
            id = records.enrol(form.districtId(), form.profile(), form.typedIdNumber(), scope);
        } catch (PoolRuleException refused) {
            errors.reject(refused.getMessage());
            return editPage(model, scope, null);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inspectors/" + id;
    }

    @GetMapping("/inspectors/{id}")
    @PreAuthorize(Access.VIEW)
    String show(@PathVariable long id, RegionScope scope, Authentication authentication, Model model) {
        Inspector inspector = records.find(id, scope).orElseThrow(() -> new InspectorNotFound(id));
        boolean personal = Access.manages(authentication);
        model.addAttribute("page", new InspectorPage(inspector, personal, records.regionNames(inspector)));
        model.addAttribute("inspector", inspector);
        model.addAttribute("personal", personal);
        model.addAttribute("townships", records.townships(scope));
        model.addAttribute("rules", RecusalRule.values());
        model.addAttribute("today", LocalDate.now());
        return "inspectors/inspector";
    }

    @GetMapping("/inspectors/{id}/edit")
    @PreAuthorize(Access.MANAGE)
    String editForm(@PathVariable long id, RegionScope scope, Model model) {
        Inspector inspector = records.find(id, scope).orElseThrow(() -> new InspectorNotFound(id));
        model.addAttribute("form", InspectorForm.of(inspector));
        return editPage(model, scope, inspector);
    }

    @PostMapping("/inspectors/{id}/edit")
    @PreAuthorize(Access.MANAGE)
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute("form") InspectorForm form,
            BindingResult errors,
            RegionScope scope,
            Model model,
            RedirectAttributes redirect) {
        Inspector inspector = records.find(id, scope).orElseThrow(() -> new InspectorNotFound(id));
        checkIdNumber(form, errors);
        if (errors.hasErrors()) {
            return editPage(model, scope, inspector);
        }
        try {
            records.revise(id, form.version(), form.profile(), form.typedIdNumber(), scope);
        } catch (PoolRuleException refused) {
            errors.reject(refused.getMessage());
            return editPage(model, scope, inspector);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inspectors/" + id;
    }

    /** Shows a manager the full ID number in place of the masked one; each disclosure is audited. */
    @PostMapping("/inspectors/{id}/id-number")
    @PreAuthorize(Access.MANAGE)
    String revealIdNumber(@PathVariable long id, RegionScope scope, Model model) {
        model.addAttribute("idNumber", records.revealIdNumber(id, scope).orElse("—"));
        return "inspectors/partials/id-number :: idNumber";
    }

    @PostMapping("/inspectors/{id}/relatives")
    @PreAuthorize(Access.MANAGE)
    String declareRelative(
            @PathVariable long id,
            @Valid RelativeForm form,
            BindingResult errors,
            RegionScope scope,
            RedirectAttributes redirect) {
        if (!FormProblems.flash(errors, redirect, messages)) {
            records.declareRelative(
                    id,
                    form.version(),
                    form.townshipId(),
                    form.localityName(),
                    form.relation().strip(),
                    scope);
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/inspectors/" + id + "#relatives";
    }

    @PostMapping("/inspectors/{id}/relatives/{localityId}/delete")
    @PreAuthorize(Access.MANAGE)
    String withdrawRelative(
            @PathVariable long id,
            @PathVariable long localityId,
            @RequestParam int version,
            RegionScope scope,
            RedirectAttributes redirect) {
        records.withdrawRelative(id, version, localityId, scope);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inspectors/" + id + "#relatives";
    }

    @PostMapping("/inspectors/{id}/trainings")
    @PreAuthorize(Access.MANAGE)
    String recordTraining(
            @PathVariable long id,
            @Valid TrainingForm form,
            BindingResult errors,
            RegionScope scope,
            RedirectAttributes redirect) {
        if (!FormProblems.flash(errors, redirect, messages)) {
            records.recordTraining(id, form.version(), form.heldOn(), form.course(), scope);
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/inspectors/" + id + "#trainings";
    }

    @PostMapping("/inspectors/{id}/unavailability")
    @PreAuthorize(Access.MANAGE)
    String markUnavailable(
            @PathVariable long id,
            @Valid UnavailabilityForm form,
            BindingResult errors,
            RegionScope scope,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && form.to().isBefore(form.from())) {
            errors.rejectValue("to", "inspector.unavailability.order");
        }
        if (!FormProblems.flash(errors, redirect, messages)) {
            records.markUnavailable(id, form.version(), new DateRange(form.from(), form.to()), form.reason(), scope);
            redirect.addFlashAttribute("saved", true);
        }
        return "redirect:/inspectors/" + id + "#availability";
    }

    @PostMapping("/inspectors/{id}/unavailability/{entry}/delete")
    @PreAuthorize(Access.MANAGE)
    String clearUnavailability(
            @PathVariable long id,
            @PathVariable long entry,
            @RequestParam int version,
            RegionScope scope,
            RedirectAttributes redirect) {
        records.clearUnavailability(id, version, entry, scope);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/inspectors/" + id + "#availability";
    }

    private String editPage(Model model, RegionScope scope, @Nullable Inspector inspector) {
        model.addAttribute("inspector", inspector);
        model.addAttribute("districts", records.districts(scope));
        model.addAttribute("townships", records.townships(scope));
        addChoices(model);
        return "inspectors/inspector-edit";
    }

    private static void addChoices(Model model) {
        model.addAttribute("tiers", Tier.values());
        model.addAttribute("unitKinds", UnitKind.values());
        model.addAttribute("expertises", Expertise.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("politicalStatuses", PoliticalStatus.values());
    }

    /** GB 11643 check digit of an 18-digit resident ID number. */
    private static void checkIdNumber(InspectorForm form, BindingResult errors) {
        String id = form.typedIdNumber();
        if (id == null || errors.hasFieldErrors("idNumber")) {
            return;
        }
        if (!ResidentIdNumber.isValid(id)) {
            errors.rejectValue("idNumber", "inspector.idNumber.checksum");
        }
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    private Map<String, String> exportLabels() {
        Map<String, String> labels = new HashMap<>();
        labels.put("sheet", message("inspectors.export.sheet"));
        labels.put("headers", message("inspectors.export.headers"));
        for (Sex v : Sex.values()) {
            labels.put("sex." + v, message("sex." + v));
        }
        for (UnitKind v : UnitKind.values()) {
            labels.put("unitKind." + v, message("unitKind." + v));
        }
        for (PoliticalStatus v : PoliticalStatus.values()) {
            labels.put("political." + v, message("political." + v));
        }
        for (Tier v : Tier.values()) {
            labels.put("tier." + v, message("tier." + v));
        }
        for (Expertise v : Expertise.values()) {
            labels.put("expertise." + v, message("expertise." + v));
        }
        return labels;
    }
}
