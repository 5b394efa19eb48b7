'use strict'
// ApiVersions: which version kafkajs picks for each API it implements, against the ranges the broker advertises.
// kafkajs takes min(its newest version, broker max) and never looks at the broker's minimum, so an API whose
// broker minimum is above kafkajs's newest version would be sent at a version the broker refuses.
const { requests } = require('kafkajs/src/protocol/requests')
const apiKeys = require('kafkajs/src/protocol/requests/apiKeys')
const { run } = require('./lib/harness')
const { connectCluster } = require('./lib/lowlevel')

run('api-versions', async () => {
  const cluster = await connectCluster()
  try {
    const advertised = cluster.brokerPool.versions
    const apis = {}
    for (const [name, key] of Object.entries(apiKeys)) {
      const implemented = (requests[name] && requests[name].versions.map(Number)) || []
      if (implemented.length === 0) continue
      const kafkajsMax = Math.max(...implemented)
      const range = advertised[key]
      apis[name] = {
        apiKey: key,
        kafkajsMax,
        brokerMin: range ? range.minVersion : null,
        brokerMax: range ? range.maxVersion : null,
        chosen: range ? Math.min(kafkajsMax, range.maxVersion) : null,
        served: Boolean(range),
        compatible: Boolean(range) && Math.min(kafkajsMax, range.maxVersion) >= range.minVersion,
      }
    }
    return { advertisedApiCount: Object.keys(advertised).length, apis }
  } finally {
    await cluster.disconnect()
  }
})
