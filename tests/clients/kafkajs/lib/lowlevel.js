'use strict'
// kafkajs's own cluster and broker objects (its internal low-level API): Fetch from a partition leader without a
// consumer group, and the ApiVersions a broker advertised. kafkajs's Consumer needs a group coordinator, which the
// broker does not serve yet (issue 15); these reads go through the same request and record-batch codecs.
const Cluster = require('kafkajs/src/cluster')
const { createLogger, LEVELS } = require('kafkajs/src/loggers')
const socketFactory = require('kafkajs/src/network/socketFactory')
const { logCreator, bootstrapServers } = require('./harness')

async function connectCluster(clientId = 'breadcrumb-kafkajs-lowlevel') {
  const cluster = new Cluster({
    logger: createLogger({ level: LEVELS.ERROR, logCreator }),
    socketFactory: socketFactory(),
    brokers: bootstrapServers(),
    clientId,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    metadataMaxAge: 300000,
    allowAutoTopicCreation: false,
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 },
  })
  await cluster.connect()
  return cluster
}

// Reads every record of the given partitions from `fromOffset` up to the high watermark the broker reports,
// with Fetch requests to each partition's leader. Returns { partition: { records, highWatermark, logStartOffset } }.
async function fetchPartitions(cluster, topic, partitions, { fromOffset = 0, isolationLevel = 0 } = {}) {
  await cluster.addTargetTopic(topic)
  await cluster.refreshMetadata()
  const leaders = cluster.findLeaderForPartitions(topic, partitions)
  const result = {}
  for (const [nodeId, leaderPartitions] of Object.entries(leaders)) {
    const broker = await cluster.findBroker({ nodeId })
    for (const partition of leaderPartitions) {
      let offset = BigInt(fromOffset)
      const records = []
      for (let round = 0; round < 100; round++) {
        const response = await broker.fetch({
          replicaId: -1,
          isolationLevel,
          maxWaitTime: 50,
          minBytes: 1,
          maxBytes: 1048576,
          topics: [{ topic, partitions: [{ partition, fetchOffset: offset.toString(), maxBytes: 1048576 }] }],
        })
        const answer = response.responses.find(r => r.topicName === topic).partitions.find(p => p.partition === partition)
        if (answer.errorCode !== 0) {
          throw new Error(`Fetch ${topic}/${partition} at ${offset} answered error code ${answer.errorCode}`)
        }
        // A batch may start before the requested offset (Kafka returns whole batches): keep only what was asked for.
        for (const m of answer.messages.filter(m => BigInt(m.offset) >= offset && !m.isControlRecord)) {
          records.push(m)
        }
        if (records.length > 0) {
          offset = BigInt(records[records.length - 1].offset) + 1n
        }
        const highWatermark = BigInt(answer.highWatermark)
        if (offset >= highWatermark) {
          result[partition] = { records, highWatermark: answer.highWatermark, logStartOffset: answer.lastStartOffset }
          break
        }
      }
      if (!result[partition]) {
        throw new Error(`Fetch ${topic}/${partition} did not reach the high watermark in 100 requests (at ${offset})`)
      }
    }
  }
  return result
}

function toText(buffer) {
  return buffer === null || buffer === undefined ? null : buffer.toString('utf8')
}

// The fields a test compares, with Buffers as UTF-8 text and header values likewise.
function describeRecord(m) {
  const headers = {}
  for (const [k, v] of Object.entries(m.headers || {})) {
    headers[k] = Array.isArray(v) ? v.map(toText) : toText(v)
  }
  return {
    offset: m.offset,
    key: toText(m.key),
    value: toText(m.value),
    headers,
    timestamp: m.timestamp,
    producerId: m.batchContext.producerId,
    producerEpoch: m.batchContext.producerEpoch,
    firstSequence: m.batchContext.firstSequence,
  }
}

module.exports = { connectCluster, fetchPartitions, describeRecord }
