/** JUnit 5 support for tests that need a real Kafka: {@link io.mediahooks.kafka.test.WithKafka}. */
package io.mediahooks.kafka.test;
