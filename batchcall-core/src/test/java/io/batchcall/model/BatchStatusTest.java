package io.batchcall.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.batchcall.IllegalStateTransitionException;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

class BatchStatusTest {
    @Test
    void theDocumentedTransitionsAreAllowed() {
        assertThat(BatchStatus.DRAFT.canBecome(BatchStatus.SCHEDULED)).isTrue();
        assertThat(BatchStatus.DRAFT.canBecome(BatchStatus.RUNNING)).isTrue();
        assertThat(BatchStatus.SCHEDULED.canBecome(BatchStatus.RUNNING)).isTrue();
        assertThat(BatchStatus.RUNNING.canBecome(BatchStatus.PAUSED)).isTrue();
        assertThat(BatchStatus.PAUSED.canBecome(BatchStatus.RUNNING)).isTrue();
        assertThat(BatchStatus.RUNNING.canBecome(BatchStatus.COMPLETED)).isTrue();
        assertThat(BatchStatus.RUNNING.canBecome(BatchStatus.FAILED)).isTrue();
        for (BatchStatus s : new BatchStatus[] {BatchStatus.COMPLETED, BatchStatus.CANCELLED, BatchStatus.FAILED}) {
            assertThat(s.canBecome(BatchStatus.RUNNING)).as("rerun from %s", s).isTrue();
        }
        assertThat(BatchStatus.RECURRING.canBecome(BatchStatus.PAUSED)).isTrue();
        assertThat(BatchStatus.PAUSED.canBecome(BatchStatus.RECURRING)).isTrue();
    }

    @Test
    void illegalTransitionsNameTheBatchAndBothStatuses() {
        assertThatThrownBy(() -> BatchStatus.COMPLETED.checkTransition(BatchId.of(42), BatchStatus.PAUSED))
                .isInstanceOf(IllegalStateTransitionException.class)
                .hasMessage("batch 42 cannot go from completed to paused");
        assertThat(BatchStatus.DRAFT.canBecome(BatchStatus.COMPLETED)).isFalse();
        assertThat(BatchStatus.CANCELLED.canBecome(BatchStatus.CANCELLED)).isFalse();
    }

    @Test
    void randomSequencesOnlyPassThroughLegalMoves() {
        qt().forAll(lists().of(Generate.enumValues(BatchStatus.class)).ofSizeBetween(0, 40)).check(moves -> {
            BatchStatus current = BatchStatus.DRAFT;
            for (BatchStatus next : moves) {
                boolean legal = current.canBecome(next);
                try {
                    current.checkTransition(BatchId.of(1), next);
                    if (!legal) {
                        return false;
                    }
                    current = next;
                } catch (IllegalStateTransitionException e) {
                    if (legal) {
                        return false;
                    }
                }
            }
            // Nothing ever returns to draft.
            return current == BatchStatus.DRAFT || moves.contains(current);
        });
        for (BatchStatus s : BatchStatus.values()) {
            assertThat(s.canBecome(BatchStatus.DRAFT)).isFalse();
            assertThat(BatchStatus.fromWireName(s.wireName())).isSameAs(s);
        }
    }
}
