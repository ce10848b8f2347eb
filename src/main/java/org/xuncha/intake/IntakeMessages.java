package org.xuncha.intake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.xuncha.files.FileRejected;

/** Turns refusals into sentences in the user's language that name the field or the file. */
@Component
class IntakeMessages {

    private final MessageSource messages;

    IntakeMessages(MessageSource messages) {
        this.messages = messages;
    }

    String of(IntakeRuleViolation violation) {
        return get(violation.messageKey(), violation.args());
    }

    /** A refused photo: the field, then the store's reason naming the file. */
    String of(FileRejected rejected) {
        return get("petition.photos") + "：" + get(rejected.messageKey(), rejected.args());
    }

    /** One message per field in error, e.g. {@code petition.content.required}. */
    Map<String, String> of(BindingResult result) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.putIfAbsent(error.getField(), get("petition." + error.getField() + "." + kind(error)));
        }
        return errors;
    }

    String get(String key, Object... args) {
        Object[] labelled = Arrays.stream(args).toArray();
        return messages.getMessage(key, labelled, key, LocaleContextHolder.getLocale());
    }

    private static String kind(FieldError error) {
        String code = error.getCode() == null ? "" : error.getCode();
        return switch (code) {
            case "Size" -> "tooLong";
            case "Pattern" -> "format";
            case "PastOrPresent" -> "future";
            default -> "required";
        };
    }
}
