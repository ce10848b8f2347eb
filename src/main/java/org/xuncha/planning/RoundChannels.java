package org.xuncha.planning;

import org.jspecify.annotations.Nullable;

/** 举报渠道: the report phone, e-mail and post box a round announces to the public (each may be still unannounced). */
public record RoundChannels(
        @Nullable String phone,
        @Nullable String email,
        @Nullable String postBox) {}
