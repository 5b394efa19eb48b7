'use strict'
// Topic administration: CreateTopics (and Kafka's refusals), Metadata, CreatePartitions, DeleteTopics.
const { run, check, uniqueTopic, recordRequests, describeError } = require('./lib/harness')

// Runs an admin call that must fail; returns what the broker said (kafkajs error type, code, message).
async function refused(call) {
  try {
    await call()
  } catch (error) {
    const inner = (error.errors && error.errors[0]) || (error.topicErrors && error.topicErrors[0]) || error
    return { type: inner.type || error.type || null, code: inner.code ?? error.code ?? null, message: describeError(error) }
  }
  throw new Error('the call succeeded, but the broker should have refused it')
}

run('admin-topics', async kafka => {
  const admin = kafka.admin()
  const requests = recordRequests(admin, {})
  await admin.connect()
  try {
    const topic = uniqueTopic('admin')
    const created = await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }] })
    // kafkajs answers false (not an error) for a topic that already exists.
    const createdAgain = await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] })
    const invalidName = await refused(() => admin.createTopics({ topics: [{ topic: 'a/b', numPartitions: 1 }] }))
    const invalidPartitions = await refused(() => admin.createTopics({ topics: [{ topic: uniqueTopic('zero'), numPartitions: 0 }] }))

    const listed = await admin.listTopics()
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] })
    const cluster = await admin.describeCluster()
    const partitions = metadata.topics[0].partitions
      .map(p => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr, errorCode: p.partitionErrorCode }))
      .sort((a, b) => a.partition - b.partition)

    await admin.createPartitions({ topicPartitions: [{ topic, count: 5 }] })
    const grown = await admin.fetchTopicMetadata({ topics: [topic] })

    await admin.deleteTopics({ topics: [topic] })
    const afterDelete = await admin.listTopics()
    check(!afterDelete.includes(topic), `${topic} is still listed after deleteTopics`)
    return {
      topic,
      created,
      createdAgain,
      invalidName,
      invalidPartitions,
      listedAfterCreate: listed.includes(topic),
      partitions,
      brokers: cluster.brokers.map(b => ({ nodeId: b.nodeId, host: b.host, port: b.port })),
      controller: cluster.controller,
      clusterId: cluster.clusterId,
      partitionsAfterCreatePartitions: grown.topics[0].partitions.length,
      listedAfterDelete: afterDelete.includes(topic),
      requests,
    }
  } finally {
    await admin.disconnect()
  }
})
