'use strict'
// Group consumption, kafkajs's ordinary way to read: Consumer.subscribe + run (FindCoordinator, JoinGroup, SyncGroup,
// Heartbeat, OffsetCommit, LeaveGroup), then admin.fetchOffsets (OffsetFetch) for the group's committed offsets.
// It runs on the broker's classic group coordinator.
const { Partitioners } = require('kafkajs')
const { run, check, uniqueTopic, recordRequests } = require('./lib/harness')

const RECORDS = 30

run('group-consume', async kafka => {
  const admin = kafka.admin()
  await admin.connect()
  const topic = uniqueTopic('group')
  const groupId = `${topic}-group`
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false })
  const consumer = kafka.consumer({ groupId, sessionTimeout: 10000, heartbeatInterval: 500, maxWaitTimeInMs: 100 })
  const requests = recordRequests(consumer, {})
  try {
    check(await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] }), `createTopics(${topic}) answered false`)
    await producer.connect()
    await producer.send({ topic, acks: -1, messages: Array.from({ length: RECORDS }, (_, i) => ({ key: `k${i % 5}`, value: `v${i}` })) })

    await consumer.connect()
    await consumer.subscribe({ topics: [topic], fromBeginning: true })
    const received = []
    await new Promise((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error))
      consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          received.push({ partition, offset: message.offset, value: message.value.toString() })
          if (received.length === RECORDS) resolve()
        },
      }).catch(reject)
    })
    // Commit the next offset to read on each partition (OffsetCommit), then read it back with the admin (OffsetFetch).
    const next = {}
    for (const r of received) next[r.partition] = Math.max(next[r.partition] ?? 0, Number(r.offset) + 1)
    await consumer.commitOffsets(Object.entries(next).map(([partition, offset]) => ({ topic, partition: Number(partition), offset: String(offset) })))
    await consumer.stop()
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] })
    return {
      topic,
      groupId,
      values: received.map(r => r.value).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
      committed: committed[0].partitions.map(p => ({ partition: p.partition, offset: p.offset })).sort((a, b) => a.partition - b.partition),
      requests,
    }
  } finally {
    await consumer.disconnect()
    await producer.disconnect()
    await admin.deleteTopics({ topics: [topic] }).catch(() => {})
    await admin.disconnect()
  }
})
