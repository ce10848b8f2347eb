package org.xuncha.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout needs on every page: the current address without its language, for the language links. */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(query)
                .replaceQueryParam("lang")
                .build()
                .toUriString();
    }

    @ModelAttribute("htmx")
    boolean htmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }
}
