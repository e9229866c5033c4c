package io.batchcall.api.internal;

import io.batchcall.api.ApiRequest;
import io.batchcall.api.ApiResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Method + path template routing ({@code /batches/{id}/send}); 404 and 405 as HTTP says. */
public final class Router {
    /** What a route does with a matched call. */
    @FunctionalInterface
    interface Action {
        ApiResponse handle(Call call) throws IOException;
    }

    /** One route; {@code produces} is checked against Accept (406). */
    record Route(String method, String template, String produces, Action action) {
        Map<String, String> match(String path) {
            String[] want = template.split("/");
            String[] got = path.split("/", -1);
            if (want.length != got.length) {
                return null;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            for (int i = 0; i < want.length; i++) {
                if (want[i].startsWith("{")) {
                    if (got[i].isEmpty()) {
                        return null;
                    }
                    vars.put(want[i].substring(1, want[i].length() - 1), got[i]);
                } else if (!want[i].equals(got[i])) {
                    return null;
                }
            }
            return vars;
        }
    }

    private final List<Route> routes = new ArrayList<>();
    private final Limits limits;

    Router(Limits limits) {
        this.limits = limits;
    }

    void add(String method, String template, String produces, Action action) {
        routes.add(new Route(method, template, produces, action));
    }

    /** Every route as "METHOD /template", for the OpenAPI check. */
    public List<String> describe() {
        return routes.stream().map(r -> r.method() + " " + r.template()).toList();
    }

    ApiResponse dispatch(ApiRequest request) throws IOException {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1) : request.path();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Map<String, String> vars = r.match(path);
            if (vars == null) {
                continue;
            }
            if (!r.method().equals(request.method())) {
                allowed.add(r.method());
                continue;
            }
            if (!Media.accepts(request.header("Accept"), r.produces())) {
                throw ApiProblem.notAcceptable(request.header("Accept"), r.produces());
            }
            return r.action().handle(new Call(request, vars, limits));
        }
        if (allowed.isEmpty()) {
            throw ApiProblem.notFound("no resource at " + request.path());
        }
        throw ApiProblem.methodNotAllowed(request.method(), request.path(), String.join(", ", allowed));
    }
}
