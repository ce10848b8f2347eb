package org.xuncha.organization;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.xuncha.documents.XlsxReader;

/**
 * 名册导入导出: the import page with the template and the upload, the job the upload starts (polled by htmx until it
 * ends with a summary or the list of problems), and the Excel export of the lists in the caller's scope.
 */
@Controller
class RegistryController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RegistryImport registryImport;
    private final RegistryExport registryExport;
    private final ImportJobs jobs;

    RegistryController(RegistryImport registryImport, RegistryExport registryExport, ImportJobs jobs) {
        this.registryImport = registryImport;
        this.registryExport = registryExport;
        this.jobs = jobs;
    }

    @GetMapping("/registry/import")
    @PreAuthorize(Access.EDIT)
    String page(Authentication authentication, Model model) {
        model.addAttribute("recent", jobs.recent(authentication.getName(), 10));
        model.addAttribute("maxMegabytes", XlsxReader.MAX_BYTES / (1024 * 1024));
        return "organization/registry-import";
    }

    /** Keeps the upload under a random name outside the web root and starts the import in the background. */
    @PostMapping("/registry/import")
    @PreAuthorize(Access.EDIT)
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            RegionScope scope,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            Authentication authentication,
            Model model,
            HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "registry.noFile");
            return hx != null ? "organization/registry-import :: upload-error" : page(authentication, model);
        }
        Path upload = Files.createTempFile("registry-import-", ".upload");
        file.transferTo(upload);
        UUID id = registryImport.start(upload, fileName(file.getOriginalFilename()), scope);
        if (hx == null) {
            return "redirect:/registry/import/jobs/" + id;
        }
        response.setHeader("HX-Push-Url", "/registry/import/jobs/" + id);
        model.addAttribute("job", find(id, authentication));
        return "organization/registry-import :: job";
    }

    /** The job as a page, or as the fragment htmx polls while the job runs. Only its owner finds it. */
    @GetMapping("/registry/import/jobs/{id}")
    @PreAuthorize(Access.EDIT)
    String job(
            @PathVariable UUID id,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String hx,
            Authentication authentication,
            Model model) {
        model.addAttribute("job", find(id, authentication));
        if (hx != null) {
            return "organization/registry-import :: job";
        }
        return page(authentication, model);
    }

    @GetMapping("/registry/template.xlsx")
    @PreAuthorize(Access.EDIT)
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "名册导入模板.xlsx");
        RegistryWorkbook.writeTemplate(response.getOutputStream());
    }

    /** Township units and 村居 for every registry reader; households only for the roster roles, not for leaders. */
    @GetMapping("/registry/export.xlsx")
    @PreAuthorize(Access.VIEW)
    void export(RegionScope scope, Authentication authentication, HttpServletResponse response) throws IOException {
        attachment(response, "区域名册-" + LocalDate.now() + ".xlsx");
        registryExport.write(response.getOutputStream(), scope, Access.readsRoster(authentication));
    }

    private ImportJob find(UUID id, Authentication authentication) {
        return jobs.find(id, authentication.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8)
                        .build()
                        .toString());
    }

    /** The name the user's file had, without any path a browser may send, for messages only. */
    static String fileName(@Nullable String original) {
        if (original == null || original.isBlank()) {
            return "upload.xlsx";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
