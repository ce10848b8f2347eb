package org.xuncha.fieldwork;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xuncha.organization.RegionScope;
import org.xuncha.planning.RoundId;

/**
 * 巡察公告: the A4 print page and the .docx of a 村居's notice with its QR code, the QR code alone, and the office's
 * wording of the round's notices.
 */
@Controller
class NoticeController {

    private final Fieldwork fieldwork;
    private final Notices notices;
    private final String publicBaseUrl;

    NoticeController(Fieldwork fieldwork, Notices notices, @Value("${xuncha.public-base-url:}") String publicBaseUrl) {
        this.fieldwork = fieldwork;
        this.notices = notices;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The configured public address, or the address this request came to. */
    private String baseUrl(HttpServletRequest request) {
        return publicBaseUrl.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : publicBaseUrl;
    }

    @GetMapping("/fieldwork/rounds/{id}/localities/{localityId}/notice")
    @PreAuthorize(Access.READ)
    String print(
            @PathVariable long id,
            @PathVariable long localityId,
            RegionScope scope,
            Authentication caller,
            HttpServletRequest request,
            Model model) {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), localityId, scope, caller);
        Notices.Notice notice = notices.notice(where, baseUrl(request));
        model.addAttribute("where", where);
        model.addAttribute("notice", notice);
        model.addAttribute("channelLines", notice.channelLines());
        model.addAttribute("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(notices.qr(notice)));
        return "fieldwork/notice";
    }

    @GetMapping("/fieldwork/rounds/{id}/localities/{localityId}/notice.docx")
    @PreAuthorize(Access.READ)
    ResponseEntity<byte[]> docx(
            @PathVariable long id,
            @PathVariable long localityId,
            RegionScope scope,
            Authentication caller,
            HttpServletRequest request) {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), localityId, scope, caller);
        Notices.Notice notice = notices.notice(where, baseUrl(request));
        String name = where.locality().townshipName() + where.locality().name() + "巡察公告.docx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(name, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(notices.docx(notice));
    }

    @GetMapping("/fieldwork/rounds/{id}/localities/{localityId}/qr.png")
    @PreAuthorize(Access.READ)
    ResponseEntity<byte[]> qr(
            @PathVariable long id,
            @PathVariable long localityId,
            RegionScope scope,
            Authentication caller,
            HttpServletRequest request) {
        Fieldwork.Where where = fieldwork.where(new RoundId(id), localityId, scope, caller);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .body(notices.qr(notices.notice(where, baseUrl(request))));
    }

    @GetMapping("/fieldwork/rounds/{id}/notice")
    @PreAuthorize(Access.EDIT_NOTICE)
    String template(@PathVariable long id, RegionScope scope, Authentication caller, Model model) {
        model.addAttribute("round", fieldwork.round(new RoundId(id), scope, caller));
        model.addAttribute("template", notices.template(id));
        model.addAttribute("defaultAccepts", Notices.DEFAULT_ACCEPTS);
        model.addAttribute("defaultClosing", Notices.DEFAULT_CLOSING);
        return "fieldwork/notice-template";
    }

    @PostMapping("/fieldwork/rounds/{id}/notice")
    @PreAuthorize(Access.EDIT_NOTICE)
    String saveTemplate(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String accepts,
            @RequestParam(required = false) @Nullable String closing,
            @RequestParam int version,
            RegionScope scope,
            Authentication caller,
            RedirectAttributes redirect) {
        fieldwork.round(new RoundId(id), scope, caller);
        notices.saveTemplate(id, title, accepts, closing, version, caller.getName());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/fieldwork/rounds/" + id + "/notice";
    }
}
