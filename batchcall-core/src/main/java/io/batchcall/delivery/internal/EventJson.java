package io.batchcall.delivery.internal;

import io.batchcall.model.StatusEvent;
import java.nio.charset.StandardCharsets;

/**
 * The JSON body of a webhook delivery (UTF-8), written by hand (core carries no JSON library):
 * <pre>{@code
 * {"sequence":17,"type":"recipient","status":"completed","at":"2026-03-02T14:00:05Z",
 *  "account":"acme","batch":12,"recipient":34,"attempt":56,"detail":null}
 * }</pre>
 * {@code type} is {@code batch} or {@code recipient}; {@code recipient} and {@code attempt} are
 * null for batch events; {@code detail} is a reason or null.
 */
public final class EventJson {
    private EventJson() {
    }

    /** The body's bytes. */
    public static byte[] bytes(StatusEvent e) {
        return text(e).getBytes(StandardCharsets.UTF_8);
    }

    /** The body as text. */
    public static String text(StatusEvent e) {
        StringBuilder b = new StringBuilder(200);
        b.append("{\"sequence\":").append(e.sequence());
        b.append(",\"type\":\"").append(e.isBatchEvent() ? "batch" : "recipient").append('"');
        b.append(",\"status\":");
        string(b, e.status());
        b.append(",\"at\":\"").append(e.at()).append('"');
        b.append(",\"account\":");
        string(b, e.account().value());
        b.append(",\"batch\":").append(e.batchId().value());
        b.append(",\"recipient\":").append(e.recipientId() == null ? "null" : Long.toString(e.recipientId().value()));
        b.append(",\"attempt\":").append(e.attemptId() == null ? "null" : Long.toString(e.attemptId().value()));
        b.append(",\"detail\":");
        string(b, e.detail());
        return b.append('}').toString();
    }

    static void string(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
