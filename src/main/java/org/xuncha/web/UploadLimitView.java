package org.xuncha.web;

/**
 * The page a module shows instead of the shared one when an upload under {@code pathPrefix} is too large for the
 * server at all (e.g. the public report page, which has its own standalone layout). Its model has
 * {@code maxMegabytes} and {@code back}.
 */
public record UploadLimitView(String pathPrefix, String view) {}
