package dev.ward.processor.check;

import dev.ward.processor.Annotations;
import java.util.List;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Every rule, in the order their findings read best. One instance per compilation. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all(Types types, Elements elements, Annotations annotations) {
        return List.of(
                new HandlerClassAccess(),
                new TypeNotAccessible(),
                new GeneratedNameTaken(elements),
                new ThrowsThrowable(types, elements),
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
                new DefaultValueInvalid(),
                new MultipleBodies(),
                new UnsupportedReturnType(),
                new RespondsStatus(annotations),
                new RespondsOnDeterminedResult(annotations),
                new NotJsonValue(),
                new JsonBodyOnBodilessMethod(),
                new MiddlewareWithoutRoute(),
                new TimeoutNotPositive(),
                new TimeoutUnit(),
                new TimeoutWithExchange(),
                new NonBlockingNeedsWorker(),
                new FallbackNotFound(),
                new FallbackAmbiguous(),
                new FallbackSignature(types),
                new FallbackReturnType(types),
                new FallbackIsRouteOrTimed(annotations),
                new ReplayBodyOnBodilessMethod(),
                new ReplayBodyMaxBytes(),
                new BodyConsumedTwice(),
                new ContextValueShape(),
                new ContextValueField(types, elements, annotations),
                new MiddlewareShape(annotations),
                new UseNotMiddleware(),
                new ContextValueNotProduced(),
                new ContextValueConsumedTooEarly(),
                new ContextValueProducedTwice(),
                new SharedMutableState(),
                new TracedName(),
                new CompensableOnSafeMethod(),
                new CompensableAttempts(),
                new CompensationNotFound(),
                new CompensationShape(annotations),
                new CompensationParameter(types),
                new OneFallbackPerRoute(),
                new EmptyExceptionList(),
                new ExceptionListOverlap(types),
                new RetryNotIdempotent(),
                new IdempotentReason(),
                new RetryStreamBody(),
                new RetryAttempts(),
                new RetryDelay(),
                new RetryExceedsTimeout(),
                new RetryOnUnthrown(types, elements),
                new RateLimitPermits(),
                new RateLimitBurst(),
                new RateLimitKey(),
                new CircuitBreakerRatio(),
                new CircuitBreakerWindow(),
                new CircuitBreakerOpenFor(),
                new CircuitBreakerHalfOpenCalls(),
                new CircuitBreakerShared(),
                new AdaptiveConcurrencyBounds());
    }
}
