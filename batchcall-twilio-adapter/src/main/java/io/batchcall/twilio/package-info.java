/**
 * batchcall's carrier adapter for Twilio Programmable Voice: {@link io.batchcall.twilio.TwilioTelephony}
 * (the {@link io.batchcall.spi.Telephony} port on Twilio's Calls API, with the JDK's HTTP client and
 * no Twilio SDK) and {@link io.batchcall.twilio.TwilioStatusCallbacks} (the status webhook, with
 * {@code X-Twilio-Signature} validation, feeding a {@link io.batchcall.spi.CallStatusSink}).
 *
 * <p>Everything in {@code io.batchcall.twilio.internal} may change without notice.
 */
package io.batchcall.twilio;
