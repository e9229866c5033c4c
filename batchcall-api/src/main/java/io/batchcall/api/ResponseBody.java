package io.batchcall.api;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body written by the host's server thread. Streams (CSV export, Server-Sent Events)
 * write as they go and flush; an event stream returns only when the client goes away (the write
 * fails) or the API is closed. Implementations do not close {@code out}.
 */
@FunctionalInterface
public interface ResponseBody {
    /** No body. */
    ResponseBody EMPTY = out -> { };

    /**
     * Writes the body. An {@link IOException} from {@code out} ends it (the client left).
     *
     * @param out the response stream; not closed by this method
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
}
