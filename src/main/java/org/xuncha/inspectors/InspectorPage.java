package org.xuncha.inspectors;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An inspector as their page shows them: personal fields (phone, ID number, relatives, home township, manual
 * recusals and exceptions) in full only for those who manage the pool, masked for everyone else.
 */
record InspectorPage(Inspector inspector, boolean personal, Map<Long, String> regionNames) {

    public String region(@Nullable Long id) {
        return id == null ? "—" : regionNames.getOrDefault(id, "#" + id);
    }

    public String phone() {
        return personal
                ? orDash(inspector.profile().phone())
                : maskPhone(inspector.profile().phone());
    }

    /** Always masked on the page; a manager reveals it on demand, which is audited. */
    public String idNumber() {
        return inspector.idNumberTail() == null ? "—" : "**************" + inspector.idNumberTail();
    }

    public String homeTownship() {
        return personal ? region(inspector.profile().homeTownshipId()) : "***";
    }

    static String maskPhone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return "—";
        }
        return phone.length() < 7 ? "***" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static String orDash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }
}
