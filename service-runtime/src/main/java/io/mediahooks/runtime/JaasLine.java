package io.mediahooks.runtime;

/**
 * The {@code sasl.jaas.config} line of a SASL user-and-password login, so that no operator writes
 * JAAS by hand (and no password with a quote in it breaks the line).
 */
final class JaasLine {

    private static final String SCRAM_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN_MODULE = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private JaasLine() {
    }

    /** The login line for {@code mechanism} (a SCRAM mechanism or PLAIN). */
    static String of(String mechanism, String username, String password) {
        String module = "PLAIN".equals(mechanism) ? PLAIN_MODULE : SCRAM_MODULE;
        return module + " required username=" + quoted(username) + " password=" + quoted(password) + ";";
    }

    /**
     * {@code value} as a JAAS option value. Kafka reads the line with {@link java.io.StreamTokenizer},
     * where a backslash escapes the next character and a line break ends a quoted string; so
     * backslashes and quotes are escaped, and line breaks written as {@code \n} and {@code \r}.
     */
    static String quoted(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
