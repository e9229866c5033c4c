package io.batchcall.api.internal;

import io.batchcall.model.DispositionCode;
import io.batchcall.model.MachinePolicy;
import io.batchcall.model.OutcomeRetry;
import io.batchcall.model.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The outcome fields of a batch, both ways: {@code machine_policy}, {@code dispositions},
 * {@code retry_by_outcome} and {@code retry_by_disposition}. Each error names the field (with its
 * index or key), the rule and the value.
 */
final class OutcomeFields {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final String CODE_RULE = "1-64 characters of letters, digits, '_', '-', '.' or ':'";
    private static final long MAX_SECONDS = OutcomeRetry.MAX_DELAY.getSeconds();

    private OutcomeFields() {
    }

    static MachinePolicy machinePolicy(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MachinePolicy.fromWireName(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("machine_policy", "one of reached, hang_up_and_retry, leave_message, or absent",
                    value);
        }
    }

    static List<DispositionCode> dispositions(List<Dto.DispositionCodeBody> in) {
        if (in == null) {
            return List.of();
        }
        if (in.size() > 100) {
            throw ApiProblem.invalid("dispositions", "a list of at most 100 codes", in.size() + " codes");
        }
        List<DispositionCode> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            Dto.DispositionCodeBody d = in.get(i);
            String field = "dispositions[" + i + "]";
            if (d == null) {
                throw ApiProblem.invalid(field, "an object with a code", null);
            }
            code(field + ".code", d.code());
            if (!seen.add(d.code())) {
                throw ApiProblem.invalid(field + ".code", "unique within dispositions", d.code());
            }
            if (d.label() != null && d.label().length() > 200) {
                throw ApiProblem.invalid(field + ".label", "at most 200 characters", d.label().length()
                        + " characters");
            }
            out.add(new DispositionCode(d.code(), d.label(), Boolean.TRUE.equals(d.optOut())));
        }
        return out;
    }

    /** {@code base} with the per-outcome and per-disposition rules of the request. */
    static RetryPolicy rules(RetryPolicy base, BatchRequest r) {
        RetryPolicy out = base;
        for (Map.Entry<String, OutcomeRetry> e : map("retry_by_outcome", r.retryByOutcome(), true).entrySet()) {
            out = out.withOutcome(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, OutcomeRetry> e : map("retry_by_disposition", r.retryByDisposition(), false)
                .entrySet()) {
            out = out.withDisposition(e.getKey(), e.getValue());
        }
        return out;
    }

    private static Map<String, OutcomeRetry> map(String field, Map<String, Dto.OutcomeRetryBody> in,
            boolean outcomes) {
        Map<String, OutcomeRetry> out = new LinkedHashMap<>();
        if (in == null) {
            return out;
        }
        for (Map.Entry<String, Dto.OutcomeRetryBody> e : in.entrySet()) {
            String key = e.getKey();
            if (outcomes && !RetryPolicy.OUTCOMES.contains(key)) {
                throw ApiProblem.invalid(field, "an object keyed by busy, no_answer, failed or machine", key);
            }
            if (!outcomes) {
                code(field, key);
            }
            out.put(key, rule(field + "." + key, e.getValue()));
        }
        return out;
    }

    private static OutcomeRetry rule(String field, Dto.OutcomeRetryBody b) {
        if (b == null) {
            throw ApiProblem.invalid(field, "an object with delay_seconds and max_attempts", null);
        }
        if (b.delaySeconds() == null || b.delaySeconds() < 0 || b.delaySeconds() > MAX_SECONDS) {
            throw ApiProblem.invalid(field + ".delay_seconds", "between 0 and " + MAX_SECONDS, b.delaySeconds());
        }
        double backoff = b.backoff() == null ? 1.0 : b.backoff();
        if (!(backoff >= 1.0 && backoff <= 10.0)) {
            throw ApiProblem.invalid(field + ".backoff", "between 1.0 and 10.0", b.backoff());
        }
        if (b.maxAttempts() == null || b.maxAttempts() < 1 || b.maxAttempts() > 100) {
            throw ApiProblem.invalid(field + ".max_attempts", "between 1 and 100", b.maxAttempts());
        }
        long gap = b.nextWindowAfterSeconds() == null ? 0 : b.nextWindowAfterSeconds();
        if (gap < 0 || gap > MAX_SECONDS) {
            throw ApiProblem.invalid(field + ".next_window_after_seconds", "between 0 and " + MAX_SECONDS,
                    b.nextWindowAfterSeconds());
        }
        return new OutcomeRetry(Duration.ofSeconds(b.delaySeconds()), backoff, b.maxAttempts(),
                Duration.ofSeconds(gap));
    }

    private static void code(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ApiProblem.invalid(field, CODE_RULE, code);
        }
    }

    // --- views ---

    static String machinePolicy(MachinePolicy p) {
        return p == null ? null : p.wireName();
    }

    static List<Dto.DispositionCodeBody> dispositionViews(List<DispositionCode> codes) {
        return codes.stream().map(c -> new Dto.DispositionCodeBody(c.code(), c.label(), c.optOut())).toList();
    }

    static Map<String, Dto.OutcomeRetryBody> ruleViews(Map<String, OutcomeRetry> rules) {
        Map<String, Dto.OutcomeRetryBody> out = new TreeMap<>();
        rules.forEach((k, v) -> out.put(k, new Dto.OutcomeRetryBody(v.delay().toSeconds(), v.backoff(),
                v.maxAttempts(), v.nextWindowAfter().toSeconds())));
        return out;
    }
}
