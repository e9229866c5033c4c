package io.batchcall.spi;

/**
 * What {@link ContactStore#erase} removed.
 *
 * @param recipients recipient rows whose number, name, variables, zone and reason were erased
 * @param attempts attempt rows whose number and reason were erased
 * @param events events of those recipients whose detail was erased
 * @param suppressionKept whether the number stays suppressed (only its hash, source and time are kept)
 */
public record Erasure(long recipients, long attempts, long events, boolean suppressionKept) {
}
