package dev.ward.undertow.internal;

import java.util.List;
import java.util.StringJoiner;

/**
 * Which failures a {@code @Retry} or {@code @Fallback} takes: those with a {@code matching} class in their cause
 * chain and no {@code except} class anywhere in it ({@code abortOn} and {@code skipOn} win). The chain is walked
 * to a bounded depth, so a cyclic or absurdly deep one costs a fixed amount.
 */
final class ExceptionFilter {
    /** Causes looked at, the failure itself included; real chains are a handful deep. */
    static final int MAX_DEPTH = 16;

    private final List<Class<? extends Throwable>> matching;
    private final List<Class<? extends Throwable>> except;

    ExceptionFilter(List<Class<? extends Throwable>> matching, List<Class<? extends Throwable>> except) {
        this.matching = List.copyOf(matching);
        this.except = List.copyOf(except);
    }

    /** The first failure in the chain of a matching class, or null when none is, or when an excepted one is there. */
    Throwable match(Throwable failure) {
        if (excepted(failure)) {
            return null;
        }
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (isAny(cause, matching)) {
                return cause;
            }
        }
        return null;
    }

    /** Whether a class of {@code except} is in the failure's cause chain. */
    boolean excepted(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (isAny(cause, except)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAny(Throwable failure, List<Class<? extends Throwable>> types) {
        for (Class<? extends Throwable> type : types) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }

    /** {@code IOException, TimeoutException; not FileNotFoundException}. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ");
        matching.forEach(type -> text.add(type.getSimpleName()));
        if (except.isEmpty()) {
            return text.toString();
        }
        StringJoiner not = new StringJoiner(", ", "; not ", "");
        except.forEach(type -> not.add(type.getSimpleName()));
        return text + not.toString();
    }
}
