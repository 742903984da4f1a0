package dev.jcoder.coderd.authcheck;

import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.rbac.Action;
import dev.jcoder.coderd.rbac.Authorizer;
import dev.jcoder.coderd.rbac.RbacObject;
import dev.jcoder.coderd.rbac.ResourceType;
import dev.jcoder.codersdk.AuthorizationRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Answers named "may I?" questions for the caller; unknown resource types or actions are "no". */
public final class AuthCheckApi implements Api {
    private final Authorizer authorizer;
    private final CoderdConfig config;

    public AuthCheckApi(Authorizer authorizer, CoderdConfig config) {
        this.authorizer = authorizer;
        this.config = config;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v2/authcheck", this::check);
    }

    private void check(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        AuthorizationRequest request = Requests.body(ctx, AuthorizationRequest.class, config.maxRequestBodyBytes());
        Map<String, Boolean> answers = new LinkedHashMap<>();
        request.checks().forEach((name, check) -> answers.put(name, answer(auth, check)));
        ctx.json(answers);
    }

    private boolean answer(Authenticated auth, AuthorizationRequest.Check check) {
        if (check == null || check.object() == null || check.action() == null) {
            return false;
        }
        Optional<ResourceType> type = ResourceType.fromWireName(check.object().resourceType());
        Optional<Action> action = Action.fromWireName(check.action());
        if (type.isEmpty() || action.isEmpty()) {
            return false;
        }
        RbacObject object = RbacObject.of(type.get());
        Optional<UUID> owner = id(check.object().ownerId(), auth);
        Optional<UUID> organization = id(check.object().organizationId(), auth);
        if (owner.isPresent()) {
            object = object.ownedBy(owner.get());
        }
        if (organization.isPresent()) {
            object = object.inOrganization(organization.get());
        }
        return authorizer.authorize(auth.subject(), action.get(), object);
    }

    private static Optional<UUID> id(String value, Authenticated auth) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.equals("me")) {
            return Optional.of(auth.user().id());
        }
        return Requests.parseUuid(value);
    }
}
