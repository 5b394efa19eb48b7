'use strict'
// The idempotent producer: InitProducerId, then batches stamped with the producer id, epoch 0 and sequences that
// count up per partition. Then, with kafkajs's broker-level Produce, a batch resent with the same sequence (the
// duplicate is answered with its original offset and not stored again) and one with a gap (OUT_OF_ORDER_SEQUENCE).
const { Partitioners } = require('kafkajs')
const { run, check, uniqueTopic, recordRequests, describeError } = require('./lib/harness')
const { connectCluster, fetchPartitions, describeRecord } = require('./lib/lowlevel')

run('idempotent', async kafka => {
  const admin = kafka.admin()
  await admin.connect()
  const topic = uniqueTopic('idempotent')
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
    idempotent: true,
    maxInFlightRequests: 1,
  })
  const requests = recordRequests(producer, {})
  const cluster = await connectCluster()
  try {
    check(await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] }), `createTopics(${topic}) answered false`)
    await producer.connect()
    const sent = []
    for (let batch = 0; batch < 4; batch++) {
      const result = await producer.send({
        topic,
        acks: -1,
        messages: [0, 1, 2].map(i => ({ partition: batch % 2, key: `b${batch}`, value: `batch${batch}-${i}` })),
      })
      sent.push(...result.map(r => ({ partition: r.partition, baseOffset: r.baseOffset, errorCode: r.errorCode })))
    }
    const fetched = await fetchPartitions(cluster, topic, [0, 1])
    const batches = p => fetched[p].records.map(describeRecord)
      .filter((r, i, all) => i === 0 || all[i - 1].firstSequence !== r.firstSequence)
      .map(({ offset, producerId, producerEpoch, firstSequence }) => ({ offset, producerId, producerEpoch, firstSequence }))

    // Resend by hand through the partition leader, as a producer retrying a batch whose answer was lost would.
    const { producerId, producerEpoch } = batches(0)[0]
    await cluster.addTargetTopic(topic)
    const [leaderId] = Object.keys(cluster.findLeaderForPartitions(topic, [0]))
    const leader = await cluster.findBroker({ nodeId: leaderId })
    const produceRaw = async (firstSequence, values) => {
      try {
        const response = await leader.produce({
          acks: -1,
          producerId,
          producerEpoch,
          topicData: [{ topic, partitions: [{ partition: 0, firstSequence, messages: values.map(value => ({ value })) }] }],
        })
        const answer = response.topics[0].partitions[0]
        return { errorCode: answer.errorCode, baseOffset: answer.baseOffset }
      } catch (error) {
        return { errorCode: error.code ?? null, type: error.type ?? null, message: describeError(error) }
      }
    }
    // Sequences 3-5 on partition 0 were its second batch (offsets 3-5): resend a batch of the same shape. Kafka
    // recognises a duplicate by producer id, epoch and first and last sequence among the last five batches.
    const duplicate = await produceRaw(3, ['batch2-0', 'batch2-1', 'batch2-2'])
    // The next expected sequence is 6: 100 leaves a gap.
    const outOfOrder = await produceRaw(100, ['gap'])
    const afterResend = await fetchPartitions(cluster, topic, [0])

    return {
      topic,
      sent,
      batches: { 0: batches(0), 1: batches(1) },
      values: { 0: fetched[0].records.map(m => m.value.toString()), 1: fetched[1].records.map(m => m.value.toString()) },
      duplicate,
      outOfOrder,
      highWatermarkAfterResend: afterResend[0].highWatermark,
      requests,
    }
  } finally {
    await producer.disconnect()
    await admin.deleteTopics({ topics: [topic] }).catch(() => {})
    await admin.disconnect()
    await cluster.disconnect()
  }
})
