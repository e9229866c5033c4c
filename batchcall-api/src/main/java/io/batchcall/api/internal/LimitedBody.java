package io.batchcall.api.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read through a byte limit and, when the client declared a Content-Length, a check
 * that it arrived whole: exceeding the limit or ending early fails the read with an
 * {@link IOException}, so the import or the JSON parse stops before anything is stored, and the
 * flags tell which problem to answer with.
 */
final class LimitedBody extends FilterInputStream {
    private final long limit;
    private final long declared;
    private long count;
    private boolean tooLarge;
    private boolean truncated;

    LimitedBody(InputStream in, long limit, long declared) {
        super(in);
        this.limit = limit;
        this.declared = declared;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        account(b < 0 ? -1 : 1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        account(n);
        return n;
    }

    private void account(int n) throws IOException {
        if (n < 0) {
            if (declared >= 0 && count < declared) {
                truncated = true;
                throw new IOException("the body ended after " + count + " of " + declared + " declared bytes",
                        problem());
            }
            return;
        }
        count += n;
        if (count > limit) {
            tooLarge = true;
            throw new IOException("the body exceeds " + limit + " bytes", problem());
        }
    }

    /** The problem this body's failure calls for, or null when it was read without one. */
    ApiProblem problem() {
        if (tooLarge) {
            return ApiProblem.tooLarge(limit);
        }
        if (truncated) {
            return ApiProblem.badRequest("incomplete-body", "the body ended after " + count + " of " + declared
                    + " declared bytes; nothing was stored", "body", null);
        }
        return null;
    }

    @Override
    public void close() {
        // the host owns the underlying stream
    }
}
