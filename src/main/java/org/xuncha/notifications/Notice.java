package org.xuncha.notifications;

import org.jspecify.annotations.Nullable;

/**
 * A notification to send (通知): what it is about ({@code kind}, e.g. {@code RECTIFICATION_WARNING}), subject, body, a
 * link into the application, and its recipient: one user, or a role within a region subtree (the path of a township:
 * every account of the role whose scope covers it).
 */
public record Notice(
        String kind,
        String subject,
        String body,
        @Nullable String link,
        @Nullable String recipientUser,
        @Nullable String recipientRole,
        @Nullable String regionPath) {

    public Notice {
        if (recipientUser == null && (recipientRole == null || regionPath == null)) {
            throw new IllegalArgumentException("a notice needs a user, or a role and a region");
        }
    }

    public static Notice toUser(String kind, String subject, String body, @Nullable String link, String username) {
        return new Notice(kind, subject, body, link, username, null, null);
    }

    public static Notice toRole(
            String kind, String subject, String body, @Nullable String link, String role, String regionPath) {
        return new Notice(kind, subject, body, link, null, role, regionPath);
    }
}
