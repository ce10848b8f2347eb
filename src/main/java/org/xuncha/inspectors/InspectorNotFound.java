package org.xuncha.inspectors;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An inspector or district that does not exist or lies outside the caller's scope: answered 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class InspectorNotFound extends RuntimeException {

    InspectorNotFound(long id) {
        super("no inspector or district " + id + " within the caller's scope");
    }
}
