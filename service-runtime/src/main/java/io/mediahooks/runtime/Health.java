package io.mediahooks.runtime;

/** The answer of a readiness check: up or not, with a short reason for operators. */
public record Health(boolean up, String detail) {

    public static Health up(String detail) {
        return new Health(true, detail);
    }

    public static Health down(String detail) {
        return new Health(false, detail);
    }
}
