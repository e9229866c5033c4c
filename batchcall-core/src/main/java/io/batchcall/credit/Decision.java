package io.batchcall.credit;

import java.util.Objects;

/**
 * What a hold, capture or release decided: the purse and the key's state to store, and the answer
 * the port returns — or a refusal, with the purse and state given back unchanged. An adapter
 * stores {@link #purse()} and {@link #hold()} where they differ from what it loaded.
 *
 * @param purse the purse after the operation (null only for a release of a key that is not open,
 *     given no purse)
 * @param hold the key's state after the operation
 * @param answer the port's answer; null exactly when refused
 * @param refusal why nothing was done; null unless refused
 * @param <A> the port's answer type
 */
public record Decision<A>(Purse purse, HoldState hold, A answer, Refusal refusal) {
    /**
     * Validates the components (see the record description).
     *
     * @param purse the purse after the operation; may be null only as described on the record
     * @param hold the key's state after the operation; not null
     * @param answer the port's answer; null exactly when refused
     * @param refusal why nothing was done; null unless refused
     * @throws IllegalArgumentException unless exactly one of {@code answer} and {@code refusal} is given
     * @throws NullPointerException if hold is null
     */
    public Decision {
        Objects.requireNonNull(hold, "hold must not be null");
        if ((answer == null) == (refusal == null)) {
            throw new IllegalArgumentException("a decision has an answer or a refusal, but had " + answer + " and "
                    + refusal);
        }
    }

    static <A> Decision<A> answer(Purse purse, HoldState hold, A answer) {
        return new Decision<>(purse, hold, Objects.requireNonNull(answer, "answer must not be null"), null);
    }

    static <A> Decision<A> refuse(Purse purse, HoldState hold, Refusal.Reason reason, String message) {
        return new Decision<>(purse, hold, null, new Refusal(reason, message));
    }

    /**
     * Whether the rules refused the operation.
     *
     * @return true when {@link #refusal()} is not null
     */
    public boolean refused() {
        return refusal != null;
    }

    /**
     * The answer, or the refusal thrown as the port specifies ({@link Refusal#toException()}).
     *
     * @return the answer
     * @throws RuntimeException the refusal's exception, when refused
     */
    public A answerOrThrow() {
        if (refusal != null) {
            throw refusal.toException();
        }
        return answer;
    }
}
