package io.mediahooks.cli.local;

import io.mediahooks.model.retry.RetrySchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one local run starts and how.
 *
 * @param externalKafka   a cluster to use instead of the embedded broker (KAFKA_BOOTSTRAP_SERVERS)
 * @param kafkaPort       the embedded broker's preferred port
 * @param partitions      partitions of the topics it creates
 * @param eventInterval   time between two sample events
 * @param summaryInterval time between two summary lines
 * @param signatureHeader the name of the hex signature header the workers send
 * @param apiPort         the management API's preferred port (a free one when it is taken)
 */
record LocalSettings(
        LocalLayout layout,
        Optional<String> externalKafka,
        int kafkaPort,
        RetrySchedule retrySchedule,
        int partitions,
        int workers,
        Duration eventInterval,
        Duration summaryInterval,
        Path routerJar,
        Path workerJar,
        Path apiJar,
        int apiPort,
        String signatureHeader) {
}
