package org.xuncha.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout needs on every page: the current address without its language, for the language links. */
@ControllerAdvice
class LayoutAdvice {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        // on an error page the language links must lead back to the page that failed, not to /error
        Object failedPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failedPath instanceof String failed ? failed : request.getRequestURI();
        String query = failedPath instanceof String
                ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING)
                : request.getQueryString();
        return UriComponentsBuilder.fromPath(path)
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
