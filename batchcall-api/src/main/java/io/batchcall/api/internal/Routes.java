package io.batchcall.api.internal;

import io.batchcall.api.ApiRequest;
import io.batchcall.api.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** All routes of the API in one router, plus the OpenAPI document. */
public final class Routes {
    private static final String OPENAPI = "/io/batchcall/api/openapi.json";

    private final Router router;

    public Routes(ApiContext ctx, Limits limits) {
        this.router = new Router(limits);
        String openapi = load();
        router.add("GET", "/openapi.json", Media.JSON, c -> Responses.text(Media.JSON, openapi));
        BatchRoutes batches = new BatchRoutes(ctx);
        batches.register(router);
        new RecipientRoutes(ctx).register(router);
        new StreamRoutes(ctx).register(router);
        new ActionRoutes(ctx, batches).register(router);
        new OutcomeRoutes(ctx).register(router);
        new WebhookRoutes(ctx).register(router);
        new ContactRoutes(ctx).register(router);
    }

    public ApiResponse dispatch(ApiRequest request) throws IOException {
        return router.dispatch(request);
    }

    public ApiResponse problem(ApiProblem p, String path) {
        return Responses.problem(p, path);
    }

    public List<String> describe() {
        return router.describe();
    }

    private static String load() {
        try (InputStream in = Routes.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the OpenAPI document " + OPENAPI + " cannot be read", e);
        }
    }
}
