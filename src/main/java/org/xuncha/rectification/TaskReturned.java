package org.xuncha.rectification;

/** 整改被退回: a submitted task was returned (reason {@code INSUFFICIENT_EVIDENCE}, {@code PERFUNCTORY} or {@code FAKE}). */
public record TaskReturned(long taskId, long findingId, long townshipId, long localityId, String reason) {}
