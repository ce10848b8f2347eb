package org.xuncha.inspectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The errors of a small form on the inspector page, flashed as "field: message" lines above the page. */
final class FormProblems {

    private FormProblems() {}

    /** Flashes the errors when there are any; true when the form was rejected. */
    static boolean flash(BindingResult errors, RedirectAttributes redirect, MessageSource messages) {
        if (!errors.hasErrors()) {
            return false;
        }
        redirect.addFlashAttribute(
                "problems",
                errors.getAllErrors().stream()
                        .map(e -> (e instanceof FieldError field
                                        ? messages.getMessage(
                                                        "inspector.field." + field.getField(),
                                                        null,
                                                        field.getField(),
                                                        LocaleContextHolder.getLocale())
                                                + "："
                                        : "")
                                + messages.getMessage(e, LocaleContextHolder.getLocale()))
                        .toList());
        return true;
    }
}
