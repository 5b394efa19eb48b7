'use strict'
// ListOffsets (earliest, latest, by timestamp) through admin.fetchTopicOffsets / fetchTopicOffsetsByTimestamp,
// and DeleteRecords through admin.deleteTopicRecords: the low watermark moves up and a read starts there.
const { Partitioners } = require('kafkajs')
const { run, check, uniqueTopic, recordRequests } = require('./lib/harness')
const { connectCluster, fetchPartitions } = require('./lib/lowlevel')

const byPartition = offsets => Object.fromEntries(offsets.map(o => [o.partition, o]))

run('offsets', async kafka => {
  const admin = kafka.admin()
  const requests = recordRequests(admin, {})
  await admin.connect()
  const topic = uniqueTopic('offsets')
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false })
  recordRequests(producer, requests)
  const cluster = await connectCluster()
  try {
    check(await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] }), `createTopics(${topic}) answered false`)
    await producer.connect()
    const empty = byPartition(await admin.fetchTopicOffsets(topic))

    // Partition 0: ten records with explicit CreateTime timestamps 1000 ms apart, one per request.
    const base = Date.now() - 60000
    for (let i = 0; i < 10; i++) {
      await producer.send({ topic, acks: -1, messages: [{ partition: 0, value: `r${i}`, timestamp: String(base + i * 1000) }] })
    }
    await producer.send({ topic, acks: -1, messages: [{ partition: 1, value: 'p1' }] })
    const produced = byPartition(await admin.fetchTopicOffsets(topic))

    // The first offset whose timestamp is at or after base + 4500 ms is 5. Past the last record the broker answers
    // -1 (none), which admin.fetchTopicOffsetsByTimestamp replaces with the high watermark: read the raw answer too.
    const byTimestamp = byPartition(await admin.fetchTopicOffsetsByTimestamp(topic, base + 4500))
    const pastTheEnd = byPartition(await admin.fetchTopicOffsetsByTimestamp(topic, base + 3600000))
    await cluster.addTargetTopic(topic)
    const [rawPastTheEnd] = await cluster.fetchTopicsOffset([{ topic, fromTimestamp: base + 3600000, partitions: [{ partition: 0 }] }])

    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '4' }] })
    const afterDelete = byPartition(await admin.fetchTopicOffsets(topic))
    // -1 means "up to the high watermark".
    await admin.deleteTopicRecords({ topic, partitions: [{ partition: 1, offset: '-1' }] })
    const afterDeleteAll = byPartition(await admin.fetchTopicOffsets(topic))
    const readAfterDelete = await fetchPartitions(cluster, topic, [0], { fromOffset: 4 })

    return {
      topic,
      empty: { low: empty[0].low, high: empty[0].high },
      produced: { 0: { low: produced[0].low, high: produced[0].high }, 1: { low: produced[1].low, high: produced[1].high } },
      byTimestamp: byTimestamp[0].offset,
      byTimestampPastTheEnd: pastTheEnd[0].offset,
      byTimestampPastTheEndRaw: rawPastTheEnd.partitions[0].offset,
      afterDelete: { low: afterDelete[0].low, high: afterDelete[0].high },
      afterDeleteAll: { low: afterDeleteAll[1].low, high: afterDeleteAll[1].high },
      readAfterDelete: {
        logStartOffset: readAfterDelete[0].logStartOffset,
        values: readAfterDelete[0].records.map(m => m.value.toString()),
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
