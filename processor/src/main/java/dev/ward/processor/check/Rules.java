package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import java.util.List;
import javax.lang.model.util.Types;

/** Every rule, in the order their findings read best. One instance per compilation. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all(Types types, Annotations annotations) {
        return List.of(
                new HandlerClassAccess(),
                new RouteNotPublic(),
                new RouteStatic(),
                new RouteAbstract(),
                new RouteGeneric(),
                new MultipleRouteAnnotations(),
                new InvalidPathTemplate(),
                new DuplicateRoute(),
                new PathParamWithoutVariable(),
                new TemplateVariableWithoutParam(),
                new ConflictingBindings(),
                new UnboundParameter(),
                new UnsupportedParameterType(),
                new MultipleBodies(),
                new UnsupportedReturnType(),
                new MiddlewareWithoutRoute(),
                new TimeoutNotPositive(),
                new TimeoutWithExchange(),
                new FallbackNotFound(),
                new FallbackAmbiguous(),
                new FallbackSignature(types),
                new FallbackReturnType(types),
                new FallbackIsRouteOrTimed(annotations));
    }
}
