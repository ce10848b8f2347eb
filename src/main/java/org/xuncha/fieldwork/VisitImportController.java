package org.xuncha.fieldwork;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;
import org.xuncha.documents.XlsxReader;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;
import org.xuncha.planning.RoundSummary;

/** 走访记录导入: the page, the template and the upload (all rows or none, every problem by row and column). */
@Controller
class VisitImportController {

    private final Fieldwork fieldwork;
    private final VisitImport visitImport;

    VisitImportController(Fieldwork fieldwork, VisitImport visitImport) {
        this.fieldwork = fieldwork;
        this.visitImport = visitImport;
    }

    @GetMapping("/fieldwork/rounds/{id}/visits/import")
    @PreAuthorize(Access.RECORD)
    String page(@PathVariable long id, RegionScope scope, Authentication caller, Model model) {
        model.addAttribute("round", fieldwork.round(new RoundId(id), scope, caller));
        model.addAttribute("maxMegabytes", XlsxReader.MAX_BYTES / (1024 * 1024));
        return "fieldwork/import";
    }

    @GetMapping("/fieldwork/rounds/{id}/visits/template.xlsx")
    @PreAuthorize(Access.RECORD)
    void template(@PathVariable long id, RegionScope scope, Authentication caller, HttpServletResponse response)
            throws IOException {
        RoundSummary round = fieldwork.round(new RoundId(id), scope, caller);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"visits-template.xlsx\"; filename*=UTF-8''"
                        + UriUtils.encode("走访记录导入模板.xlsx", StandardCharsets.UTF_8));
        visitImport.writeTemplate(response.getOutputStream(), round);
    }

    @PostMapping("/fieldwork/rounds/{id}/visits/import")
    @PreAuthorize(Access.RECORD)
    String upload(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            RegionScope scope,
            Authentication caller,
            Model model,
            HttpServletResponse response)
            throws IOException {
        RoundId roundId = new RoundId(id);
        model.addAttribute("round", fieldwork.round(roundId, scope, caller));
        model.addAttribute("maxMegabytes", XlsxReader.MAX_BYTES / (1024 * 1024));
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("uploadError", "fieldwork.import.noFile");
            return "fieldwork/import";
        }
        Path upload = Files.createTempFile("visit-import-", ".upload");
        try {
            file.transferTo(upload);
            VisitImport.Result result =
                    visitImport.run(upload, fileName(file.getOriginalFilename()), roundId, scope, caller);
            if (!result.succeeded()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            model.addAttribute("result", result);
        } finally {
            Files.deleteIfExists(upload);
        }
        return "fieldwork/import";
    }

    private static String fileName(@Nullable String original) {
        if (original == null || original.isBlank()) {
            return "upload.xlsx";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1)
                .strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
