package io.batchcall.api.internal;

import java.util.Locale;

/** Content-Type and Accept checks, without a framework. */
final class Media {
    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv; charset=utf-8";
    static final String SSE = "text/event-stream";

    private Media() {
    }

    static boolean isJson(String contentType) {
        String t = base(contentType);
        return t.equals(JSON) || t.startsWith("application/") && t.endsWith("+json");
    }

    static boolean isCsv(String contentType) {
        String t = base(contentType);
        return t.equals("text/csv") || t.equals("application/csv") || t.equals("text/plain")
                || t.equals("application/vnd.ms-excel");
    }

    /** Whether an Accept header admits {@code type} (a missing header admits everything). */
    static boolean accepts(String accept, String type) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String wanted = base(type);
        String family = wanted.substring(0, wanted.indexOf('/'));
        for (String range : accept.split(",")) {
            if (range.replace(" ", "").matches("(?i).*;q=0(\\.0*)?$")) {
                continue;
            }
            String r = base(range);
            if (r.equals("*/*") || r.equals(family + "/*") || r.equals(wanted)
                    || wanted.equals(JSON) && r.equals(PROBLEM)) {
                return true;
            }
        }
        return false;
    }

    private static String base(String mediaType) {
        if (mediaType == null) {
            return "";
        }
        int semi = mediaType.indexOf(';');
        return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }
}
