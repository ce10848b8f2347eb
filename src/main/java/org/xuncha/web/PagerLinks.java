package org.xuncha.web;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links of the shared pager (分页): the current address with its filters kept and only the page number changed, so
 * every list pages the same way. Used from {@code templates/fragments/pager.html} as {@code @pagerLinks}.
 */
@Component("pagerLinks")
class PagerLinks {

    public String page(String currentPath, int page) {
        return UriComponentsBuilder.fromUriString(currentPath)
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }
}
