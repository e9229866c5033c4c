package io.batchcall.policy;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The calling-hours floor: legal hours that hold on top of every batch's own window, read on the
 * recipient's own wall clock. A recipient may be dialed only while every rule that applies to it
 * ({@link HoursRule#appliesTo}) is open in every zone it may be in. A recipient whose zone is
 * unknown (no {@code timezone} column, and libphonenumber does not place the number) is never
 * dialed while any rule applies to it: the floor fails safe. It waits, and the batch's log says
 * why; give such recipients a {@code timezone} column.
 *
 * <p>Rules are data. The one preset, {@link #usFederal()}, is the US federal rule; a host adds
 * state rules, holidays or its own quiet hours with {@link #with(HoursRule)}.
 *
 * @param rules the rules, in the order given; empty for no floor
 * @param subdivisionVariable the recipient variable (compared ignoring case) that holds the
 *     recipient's subdivision, e.g. {@code state} holding {@code FL} or {@code US-FL}; null when
 *     subdivision rules are not used
 */
public record CallingHours(List<HoursRule> rules, String subdivisionVariable) {
    /**
     * 47 CFR § 64.1200(c)(1) (US, Telephone Consumer Protection Act rules): no telephone
     * solicitation to a residential subscriber "before the hour of 8 a.m. or after 9 p.m. (local
     * time at the called party's location)". Every day; read as the window [08:00, 21:00).
     */
    public static final HoursRule US_FEDERAL = HoursRule.daily("US", LocalTime.of(8, 0), LocalTime.of(21, 0),
            "47 CFR 64.1200(c)(1)");

    /**
     * Validates the components (see the record description).
     *
     * @param rules the rules; not null, no null element
     * @param subdivisionVariable the variable naming the subdivision, or null
     * @throws IllegalArgumentException if a component breaks its rule; the message names it
     */
    public CallingHours {
        if (rules == null) {
            throw new IllegalArgumentException("calling hours rules must not be null");
        }
        for (HoursRule r : rules) {
            if (r == null) {
                throw new IllegalArgumentException("calling hours rules must not contain null, but were " + rules);
            }
        }
        rules = List.copyOf(rules);
        if (subdivisionVariable != null && subdivisionVariable.isBlank()) {
            throw new IllegalArgumentException("calling hours subdivisionVariable must be null or a variable name,"
                    + " but was '" + subdivisionVariable + "'");
        }
    }

    /**
     * No floor: only each batch's window applies.
     *
     * @return the empty floor
     */
    public static CallingHours none() {
        return new CallingHours(List.of(), null);
    }

    /**
     * The US federal floor ({@link #US_FEDERAL}) for US numbers.
     *
     * @return a floor with that one rule
     */
    public static CallingHours usFederal() {
        return new CallingHours(List.of(US_FEDERAL), null);
    }

    /**
     * A floor of the given rules.
     *
     * @param rules the rules
     * @return the floor
     */
    public static CallingHours of(HoursRule... rules) {
        return new CallingHours(List.of(rules), null);
    }

    /**
     * This floor with one more rule.
     *
     * @param rule the rule to add; not null
     * @return the copy
     */
    public CallingHours with(HoursRule rule) {
        List<HoursRule> all = new ArrayList<>(rules);
        all.add(Objects.requireNonNull(rule, "rule must not be null"));
        return new CallingHours(all, subdivisionVariable);
    }

    /**
     * This floor reading the recipient's subdivision from the named variable.
     *
     * @param variable the variable name, e.g. {@code state}
     * @return the copy
     */
    public CallingHours withSubdivisionVariable(String variable) {
        return new CallingHours(rules, variable);
    }

    /**
     * Whether the floor has no rule.
     *
     * @return true when no rule applies to anyone
     */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * The rules that apply to every recipient ({@code "*"}); these are known before a recipient's
     * regions are, so the engine applies them when it picks the zones to claim.
     *
     * @return the universal rules
     */
    public List<HoursRule> universal() {
        return rules.stream().filter(HoursRule::isUniversal).toList();
    }

    /**
     * The rules that apply to a recipient of the given regions.
     *
     * @param regions the recipient's country and, when known, subdivision
     * @return the applicable rules
     */
    public List<HoursRule> rulesFor(Set<String> regions) {
        return rules.stream().filter(r -> r.appliesTo(regions)).toList();
    }
}
