package dev.ward.processor.check;

import java.util.Collection;

/** "Did you mean": the candidate closest to a misspelt name, if it is close enough to be a likely typo. */
final class Similar {
    private Similar() {
    }

    /** A suffix such as {@code ; did you mean 'release'?}, or an empty string. */
    static String didYouMean(String wrong, Collection<String> candidates) {
        String best = closest(wrong, candidates);
        return best != null ? "; did you mean '" + best + "'?" : "";
    }

    /** The candidate closest to {@code wrong}, if it is close enough to be a likely typo; else null. */
    static String closest(String wrong, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(wrong.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerance = Math.max(2, wrong.length() / 3);
        return bestDistance <= tolerance ? best : null;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
