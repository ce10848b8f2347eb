package org.xuncha.notifications;

/** Who may use the notification centre: every signed-in user reads what is addressed to them. */
final class Access {

    static final String SIGNED_IN = "isAuthenticated()";

    private Access() {}
}
