package org.osr.spark;

import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;

/**
 * What every executor needs to review as {@code osr sweep} would, broadcast once per job: the rule packs as bytes,
 * the driver's fingerprint key (so findings fingerprint and masked keys hash alike on every executor), the review
 * options and the driver's Hadoop configuration (how to reach HDFS or S3A).
 *
 * @param job            names this run; an executor keeps one set of worker processes per job
 * @param fingerprintKey the driver installation's key; it travels inside Spark's broadcast (encrypt Spark's RPC and
 *                       its local storage on a shared cluster: spark.network.crypto.enabled, spark.io.encryption.enabled)
 */
record JobConfig(String job, ShippedPacks packs, byte[] fingerprintKey, String ocr, String failOn, int timeoutSeconds,
                 String workerHeap, boolean hidden, SerializableWritable<Configuration> hadoop)
        implements Serializable {
}
