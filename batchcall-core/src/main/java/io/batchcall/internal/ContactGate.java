package io.batchcall.internal;

import io.batchcall.model.AccountId;
import io.batchcall.model.Batch;
import io.batchcall.model.PhoneNumber;
import io.batchcall.model.RecipientStatus;
import io.batchcall.model.ZoneKey;
import io.batchcall.policy.CallingTime;
import io.batchcall.policy.ContactPolicy;
import io.batchcall.spi.CallStore;
import io.batchcall.spi.Claim;
import io.batchcall.spi.ContactStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact-policy step of the dial path, between the claim and the credit hold, for one claimed
 * chunk: calling hours per recipient (pure, no statement), then the suppression list (one lookup
 * per chunk), then the frequency cap (one reservation per chunk, only when a cap is set). A
 * recipient outside its hours or over the cap is released until it may be called; a suppressed
 * one is skipped with reason {@code do_not_call}. A contact store that fails stops the chunk: every
 * claim left is released and none is dialed (fails closed).
 */
final class ContactGate {
    private static final Logger LOG = LoggerFactory.getLogger(ContactGate.class);
    /** Reason of a suppressed recipient. */
    static final String DO_NOT_CALL = "do_not_call";
    /** Reason of a recipient released to wait for its calling hours. */
    static final String CALLING_HOURS = "calling_hours";
    /** Reason of a recipient released to wait for the frequency cap. */
    static final String FREQUENCY_CAP = "frequency_cap";
    /** When no opening can be found (an unknown zone under a regional rule), look again after this. */
    private static final Duration RECHECK = Duration.ofHours(1);

    private final CallStore calls;
    private final ContactStore contacts;
    private final Clock clock;

    /** What became of a chunk: the claims to dial, and whether the contact store failed. */
    record Screened(List<Claim> dial, boolean storeFailed) {
    }

    /** @param contacts the store's contact part, or null when the storage has none */
    ContactGate(CallStore calls, ContactStore contacts, Clock clock) {
        this.calls = calls;
        this.contacts = contacts;
        this.clock = clock;
    }

    Screened screen(Batch b, ContactPolicy policy, List<Claim> claims) {
        List<Claim> left = claims;
        try {
            if (policy.restrictsTimes()) {
                left = hours(b, policy, left);
            }
            if (policy.checkSuppression() && contacts != null && !left.isEmpty()) {
                left = suppression(b.account(), left);
            }
            if (!policy.frequencyCap().isOff() && !left.isEmpty()) {
                if (contacts == null) {
                    throw new UnsupportedOperationException("the storage keeps no contact data for frequency caps");
                }
                left = frequency(b.account(), policy, left);
            }
            return new Screened(left, false);
        } catch (RuntimeException e) {
            LOG.warn("contact checks of batch {} failed; {} claims are given back undialed", b.id(), left.size(), e);
            Instant now = clock.instant();
            for (Claim c : left) {
                releaseQuietly(c, now, "not dialed: contact checks failed");
            }
            return new Screened(List.of(), true);
        }
    }

    private List<Claim> hours(Batch b, ContactPolicy policy, List<Claim> claims) {
        Instant now = clock.instant();
        List<Claim> open = new ArrayList<>(claims.size());
        int waiting = 0;
        Instant earliest = null;
        for (Claim c : claims) {
            CallingTime time = Windows.forRecipient(b, policy, c.recipient());
            var zones = ZoneKey.zones(c.recipient().zoneKey());
            if (time.isOpen(zones, now)) {
                open.add(c);
                continue;
            }
            Instant next = time.nextOpen(zones, now);
            Instant notBefore = next == null || !next.isAfter(now) ? now.plus(RECHECK) : next;
            calls.release(c.attempt().account(), c.attempt().id(), notBefore, CALLING_HOURS, now);
            waiting++;
            earliest = earliest == null || notBefore.isBefore(earliest) ? notBefore : earliest;
        }
        if (waiting > 0) {
            LOG.info("batch {}: {} recipients wait for their legal calling hours ({}); the first may be called at {}",
                    b.id(), waiting, policy.hours().rules(), earliest);
        }
        return open;
    }

    private List<Claim> suppression(AccountId account, List<Claim> claims) {
        List<PhoneNumber> phones = claims.stream().map(c -> c.recipient().phone()).toList();
        Set<PhoneNumber> suppressed = contacts.suppressed(account, phones);
        if (suppressed.isEmpty()) {
            return claims;
        }
        Instant now = clock.instant();
        List<Claim> left = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            if (suppressed.contains(c.recipient().phone())) {
                calls.finishUndialed(c.attempt().account(), c.attempt().id(), RecipientStatus.SKIPPED, DO_NOT_CALL, now);
            } else {
                left.add(c);
            }
        }
        return left;
    }

    private List<Claim> frequency(AccountId account, ContactPolicy policy, List<Claim> claims) {
        Instant now = clock.instant();
        List<PhoneNumber> phones = claims.stream().map(c -> c.recipient().phone()).distinct().toList();
        Map<PhoneNumber, Instant> refused = contacts.reserveDials(account, phones, policy.frequencyCap(), now);
        if (refused.isEmpty()) {
            return claims;
        }
        List<Claim> left = new ArrayList<>(claims.size());
        for (Claim c : claims) {
            Instant at = refused.get(c.recipient().phone());
            if (at == null) {
                left.add(c);
            } else {
                calls.release(c.attempt().account(), c.attempt().id(), at, FREQUENCY_CAP, now);
            }
        }
        LOG.info("account {}: {} recipients wait for the frequency cap {}", account, claims.size() - left.size(),
                policy.frequencyCap());
        return left;
    }

    private void releaseQuietly(Claim c, Instant now, String reason) {
        try {
            calls.release(c.attempt().account(), c.attempt().id(), now, reason, now);
        } catch (RuntimeException e) {
            LOG.warn("claim {} could not be given back; it will be reconciled after its lease", c.attempt().id(), e);
        }
    }
}
