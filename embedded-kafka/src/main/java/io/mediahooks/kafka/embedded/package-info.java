/** A real Kafka broker inside the JVM, for tests and the local run: {@link io.mediahooks.kafka.embedded.EmbeddedKafkaBroker}. */
package io.mediahooks.kafka.embedded;
