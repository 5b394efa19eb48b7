'use strict'
// DescribeConfigs and AlterConfigs on a topic (and DescribeConfigs on the broker); an altered max.message.bytes
// refuses a larger record with MESSAGE_TOO_LARGE; unknown config names and bad values are refused.
const { ConfigResourceTypes, Partitioners } = require('kafkajs')
const { run, check, uniqueTopic, recordRequests, describeError } = require('./lib/harness')

async function refused(call) {
  try {
    await call()
  } catch (error) {
    const inner = (error.errors && error.errors[0]) || error
    return { type: inner.type || error.type || null, code: inner.code ?? error.code ?? null, message: describeError(error) }
  }
  throw new Error('the call succeeded, but the broker should have refused it')
}

const entriesOf = described =>
  Object.fromEntries(described.resources[0].configEntries.map(e => [e.configName, { value: e.configValue, isDefault: e.isDefault, readOnly: e.readOnly }]))

run('configs', async kafka => {
  const admin = kafka.admin()
  const requests = recordRequests(admin, {})
  await admin.connect()
  const topic = uniqueTopic('configs')
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false, retry: { retries: 0 } })
  recordRequests(producer, requests)
  try {
    check(await admin.createTopics({ topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] }),
      `createTopics(${topic}) answered false`)
    const topicResource = { type: ConfigResourceTypes.TOPIC, name: topic }
    const initial = entriesOf(await admin.describeConfigs({ resources: [topicResource], includeSynonyms: false }))
    const named = entriesOf(await admin.describeConfigs({
      resources: [{ ...topicResource, configNames: ['retention.ms', 'max.message.bytes'] }], includeSynonyms: false,
    }))

    const validateOnly = await admin.alterConfigs({
      validateOnly: true,
      resources: [{ ...topicResource, configEntries: [{ name: 'retention.ms', value: '1000' }] }],
    })
    const afterValidateOnly = entriesOf(await admin.describeConfigs({ resources: [{ ...topicResource, configNames: ['retention.ms'] }] }))

    const altered = await admin.alterConfigs({
      resources: [{ ...topicResource, configEntries: [{ name: 'retention.ms', value: '7200000' }, { name: 'max.message.bytes', value: '1024' }] }],
    })
    const afterAlter = entriesOf(await admin.describeConfigs({ resources: [{ ...topicResource, configNames: ['retention.ms', 'max.message.bytes'] }] }))

    await producer.connect()
    const small = await producer.send({ topic, acks: -1, messages: [{ value: 'x'.repeat(100) }] })
    const tooLarge = await refused(() => producer.send({ topic, acks: -1, messages: [{ value: 'x'.repeat(4096) }] }))

    const unknownName = await refused(() => admin.alterConfigs({ resources: [{ ...topicResource, configEntries: [{ name: 'no.such.config', value: '1' }] }] }))
    const badValue = await refused(() => admin.alterConfigs({ resources: [{ ...topicResource, configEntries: [{ name: 'retention.ms', value: 'soon' }] }] }))
    const unknownTopic = await refused(() => admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.TOPIC, name: uniqueTopic('missing') }] }))

    const broker = await admin.describeConfigs({ resources: [{ type: ConfigResourceTypes.BROKER, name: '1' }] })
    return {
      topic,
      initialCount: Object.keys(initial).length,
      initial: { 'retention.ms': initial['retention.ms'], 'max.message.bytes': initial['max.message.bytes'], 'cleanup.policy': initial['cleanup.policy'] },
      named,
      validateOnly: validateOnly.resources.map(r => ({ errorCode: r.errorCode })),
      afterValidateOnly: afterValidateOnly['retention.ms'].value,
      altered: altered.resources.map(r => ({ errorCode: r.errorCode })),
      afterAlter,
      smallBaseOffset: small[0].baseOffset,
      tooLarge,
      unknownName,
      badValue,
      unknownTopic,
      brokerResource: { errorCode: broker.resources[0].errorCode, entries: broker.resources[0].configEntries.length },
      requests,
    }
  } finally {
    await producer.disconnect()
    await admin.deleteTopics({ topics: [topic] }).catch(() => {})
    await admin.disconnect()
  }
})
