package org.xuncha.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} gets a message saying so: as a fragment for htmx,
 * which swaps it in where the upload's result would go, or as a page with a way back.
 */
@ControllerAdvice
class UploadLimitAdvice {

    private final long maxMegabytes;

    UploadLimitAdvice(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
        this.maxMegabytes = maxFileSize.toMegabytes();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        boolean htmx = request.getHeader("HX-Request") != null;
        ModelAndView view = new ModelAndView(htmx ? "error/upload-too-large :: message" : "error/upload-too-large");
        view.addObject("maxMegabytes", maxMegabytes);
        view.addObject("back", back(request.getHeader("Referer")));
        view.setStatus(HttpStatus.CONTENT_TOO_LARGE);
        return view;
    }

    /** The page the upload came from, as a path on this site only. */
    private static String back(@Nullable String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            String path = URI.create(referer).getRawPath();
            return path == null || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
