'use strict'
// Produce with acks -1, 1 and 0, keys, headers and gzip, then read it back with Fetch (no consumer group).
const { CompressionTypes, Partitioners } = require('kafkajs')
const { run, check, uniqueTopic, recordRequests } = require('./lib/harness')
const { connectCluster, fetchPartitions, describeRecord } = require('./lib/lowlevel')

run('produce-fetch', async kafka => {
  const admin = kafka.admin()
  await admin.connect()
  const topic = uniqueTopic('produce')
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false })
  const requests = recordRequests(producer, {})
  const cluster = await connectCluster()
  try {
    check(await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] }), `createTopics(${topic}) answered false`)
    await producer.connect()

    // Partition 0: acks=all (-1), three keyed records with headers in one batch.
    const all = await producer.send({
      topic,
      acks: -1,
      messages: [0, 1, 2].map(i => ({ partition: 0, key: `key-${i}`, value: `all-${i}`, headers: { seq: String(i), source: 'kafkajs' } })),
    })
    // Partition 1: acks=1 (leader only) with a null key; then acks=0 (no response at all); then acks=1 again on the
    // same connection, which the broker handles after the acks=0 request, so its offset shows where that one went.
    const one = await producer.send({ topic, acks: 1, messages: [{ partition: 1, value: 'one-0' }] })
    const zero = await producer.send({ topic, acks: 0, messages: [{ partition: 1, value: 'zero-1' }] })
    const oneAgain = await producer.send({ topic, acks: 1, messages: [{ partition: 1, key: 'k', value: 'one-2' }] })
    // Partition 2: a gzip batch of 50 records (kafkajs compresses it; the broker keeps it as sent).
    const gzip = await producer.send({
      topic,
      acks: -1,
      compression: CompressionTypes.GZIP,
      messages: Array.from({ length: 50 }, (_, i) => ({ partition: 2, key: `g${i}`, value: `gzip-${i}`.repeat(10) })),
    })

    const fetched = await fetchPartitions(cluster, topic, [0, 1, 2])
    const describe = p => ({
      highWatermark: fetched[p].highWatermark,
      records: fetched[p].records.map(describeRecord).map(({ offset, key, value, headers }) => ({ offset, key, value, headers })),
    })
    return {
      topic,
      acks: {
        all: all.map(r => ({ partition: r.partition, baseOffset: r.baseOffset, errorCode: r.errorCode })),
        one: [...one, ...oneAgain].map(r => ({ partition: r.partition, baseOffset: r.baseOffset, errorCode: r.errorCode })),
        zeroAnswers: zero.length,
        gzip: gzip.map(r => ({ partition: r.partition, baseOffset: r.baseOffset, errorCode: r.errorCode })),
      },
      partitions: { 0: describe(0), 1: describe(1) },
      gzip: {
        highWatermark: fetched[2].highWatermark,
        count: fetched[2].records.length,
        offsets: fetched[2].records.map(m => m.offset),
        allValuesIntact: fetched[2].records.every((m, i) => m.value.toString() === `gzip-${i}`.repeat(10) && m.key.toString() === `g${i}`),
      },
      requests,
    }
  } finally {
    await producer.disconnect()
    await admin.deleteTopics({ topics: [topic] }).catch(() => {})
    await admin.disconnect()
    await cluster.disconnect()
  }
})
