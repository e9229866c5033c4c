package io.batchcall.api.internal;

/**
 * Routes of a storage part that a storage may lack (contact data, webhooks): each is registered
 * through {@link #routes}, so a storage without the part answers 501 naming it rather than 500.
 */
final class OptionalPart {
    private OptionalPart() {
    }

    /** Router.add with every action answering 501 when the storage lacks the part. */
    @FunctionalInterface
    interface Adder {
        void add(String method, String template, String produces, Router.Action action);
    }

    /**
     * @param router where the routes go
     * @param part what the storage keeps, as in "this server's storage keeps no {@code part}"
     */
    static Adder routes(Router router, String part) {
        return (method, template, produces, action) -> router.add(method, template, produces, c -> {
            try {
                return action.handle(c);
            } catch (UnsupportedOperationException e) {
                throw new ApiProblem(501, "not-implemented", "Not implemented", "this server's storage keeps no "
                        + part, null, null, null, null);
            }
        });
    }
}
