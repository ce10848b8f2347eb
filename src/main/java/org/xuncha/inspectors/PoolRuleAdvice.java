package org.xuncha.inspectors;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/** A change the pool's rules refuse goes back to the page it came from, with the reason shown on top. */
@ControllerAdvice(assignableTypes = {InspectorController.class, RecusalController.class})
class PoolRuleAdvice {

    private static final java.util.regex.Pattern INSPECTOR_PATH =
            java.util.regex.Pattern.compile("^/inspectors/(\\d+)(/.*)?$");

    @ExceptionHandler(PoolRuleException.class)
    String refused(PoolRuleException refused, HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("refused", refused.getMessage());
        Matcher inspector = INSPECTOR_PATH.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        return inspector.matches() ? "redirect:/inspectors/" + inspector.group(1) : "redirect:/inspectors";
    }
}
