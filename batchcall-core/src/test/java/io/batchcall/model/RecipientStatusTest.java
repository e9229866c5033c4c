package io.batchcall.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.IllegalStateTransitionException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class RecipientStatusTest {
    private static final List<RecipientStatus> ORDER = List.of(RecipientStatus.PENDING, RecipientStatus.CALLING,
            RecipientStatus.INITIATED, RecipientStatus.RINGING, RecipientStatus.IN_PROGRESS);

    private static Gen<RecipientStatus> statuses() {
        return Generate.enumValues(RecipientStatus.class);
    }

    @Test
    void wireNamesAreTheOnesUsersKnow() {
        assertThat(RecipientStatus.IN_PROGRESS.wireName()).isEqualTo("in_progress");
        assertThat(RecipientStatus.NO_ANSWER.wireName()).isEqualTo("no_answer");
        for (RecipientStatus s : RecipientStatus.values()) {
            assertThat(RecipientStatus.fromWireName(s.wireName())).isSameAs(s);
        }
        assertThatThrownBy(() -> RecipientStatus.fromWireName("answered")).hasMessageContaining("'answered'");
    }

    @Test
    void carrierEventsNeverRegress() {
        // Apply a random stream of carrier events to a call that was just claimed.
        qt().forAll(lists().of(statuses()).ofSizeBetween(0, 30)).check(events -> {
            RecipientStatus current = RecipientStatus.CALLING;
            for (RecipientStatus e : events) {
                RecipientStatus before = current;
                if (current.advancesTo(e)) {
                    current = e;
                    if (!before.canBecome(current)) {
                        return false;
                    }
                }
                if (rank(current) < rank(before) || (before.isTerminal() && current != before)) {
                    return false;
                }
            }
            return current == RecipientStatus.CALLING || current.isCarrierStatus();
        });
    }

    @Test
    void duplicatesAndStaleEventsAreIgnored() {
        qt().forAll(statuses(), statuses()).check((current, event) -> {
            boolean applies = current.advancesTo(event);
            if (event == current || rank(event) <= rank(current) || current.isTerminal()) {
                return !applies;
            }
            return applies == (event.isCarrierStatus() && current.isActive());
        });
    }

    @Test
    void randomEngineSequencesNeverReachAnIllegalState() {
        qt().forAll(lists().of(statuses()).ofSizeBetween(0, 40)).check(moves -> {
            RecipientStatus current = RecipientStatus.PENDING;
            for (RecipientStatus next : moves) {
                if (current.canBecome(next)) {
                    current = next;
                } else {
                    try {
                        current.checkTransition(RecipientId.of(7), next);
                        return false;
                    } catch (IllegalStateTransitionException e) {
                        if (!e.getMessage().contains("recipient 7") || !e.getMessage().contains(current.wireName())) {
                            return false;
                        }
                    }
                }
            }
            return true;
        });
    }

    @Test
    void terminalStatusesOnlyReopenForRetryOrRerun() {
        for (RecipientStatus s : RecipientStatus.values()) {
            if (s.isTerminal()) {
                Set<RecipientStatus> next = EnumSet.noneOf(RecipientStatus.class);
                for (RecipientStatus t : RecipientStatus.values()) {
                    if (s.canBecome(t)) {
                        next.add(t);
                    }
                }
                assertThat(next).as("from %s", s).containsExactly(RecipientStatus.PENDING);
            }
        }
        assertThat(RecipientStatus.PENDING.canBecome(RecipientStatus.COMPLETED)).isFalse();
        assertThat(RecipientStatus.CALLING.canBecome(RecipientStatus.PENDING)).isTrue();
    }

    @Test
    void activeStatusesAreExactlyTheInFlightOnes() {
        assertThat(EnumSet.allOf(RecipientStatus.class).stream().filter(RecipientStatus::isActive))
                .containsExactlyInAnyOrder(RecipientStatus.CALLING, RecipientStatus.INITIATED,
                        RecipientStatus.RINGING, RecipientStatus.IN_PROGRESS);
    }

    private static int rank(RecipientStatus s) {
        int i = ORDER.indexOf(s);
        return i >= 0 ? i : ORDER.size();
    }
}
