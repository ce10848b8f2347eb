package org.xuncha.identity;

import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The live sessions (在线会话) of a user, as kept by Spring Session in the database. Role, scope and enabled state
 * travel with the session, so a change to any of them ends the user's sessions at once, on every node.
 */
@Component
class LiveSessions {

    private final FindByIndexNameSessionRepository<?> sessions;

    LiveSessions(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the user; returns how many there were. */
    int endAll(String username) {
        Set<String> ids = Set.copyOf(sessions.findByPrincipalName(username).keySet());
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
