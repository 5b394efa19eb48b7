'use strict'
// Shared by every script here: where the broker is, a quiet kafkajs client, one JSON line out, and a clear
// failure (message on stderr, exit code 1) when kafkajs throws or a check does not hold.
const crypto = require('crypto')
const { Kafka, logLevel } = require('kafkajs')

// kafkajs's default logger writes INFO to stdout, which would break the one-JSON-line contract: log to stderr.
const logCreator = () => ({ namespace, label, log }) => {
  const { message, ...rest } = log
  process.stderr.write(`kafkajs ${label} [${namespace}] ${message} ${JSON.stringify(rest)}\n`)
}

function bootstrapServers() {
  const value = process.argv[2] || process.env.KAFKA_BOOTSTRAP_SERVERS
  if (!value) {
    throw new Error('no broker: pass host:port[,host:port] as the first argument or set KAFKA_BOOTSTRAP_SERVERS')
  }
  return value.split(',').map(s => s.trim()).filter(Boolean)
}

function createKafka(name) {
  return new Kafka({
    clientId: `breadcrumb-kafkajs-${name}`,
    brokers: bootstrapServers(),
    logLevel: logLevel.ERROR,
    logCreator,
    connectionTimeout: 3000,
    requestTimeout: 10000,
    // Few, quick retries: a broker that answers wrongly should fail the script within seconds, not minutes.
    retry: { retries: 3, initialRetryTime: 100, maxRetryTime: 1000 },
  })
}

function uniqueTopic(prefix) {
  return `kjs-${prefix}-${crypto.randomBytes(6).toString('hex')}`
}

// Records the version of every request a kafkajs producer, consumer or admin sends: { apiName: [versions] }.
function recordRequests(client, into) {
  client.on(client.events.REQUEST, ({ payload }) => {
    const seen = (into[payload.apiName] = into[payload.apiName] || [])
    if (!seen.includes(payload.apiVersion)) seen.push(payload.apiVersion)
  })
  return into
}

function check(condition, message) {
  if (!condition) {
    throw new Error(`check failed: ${message}`)
  }
}

// Describes a kafkajs error with what the broker said (type, code), including nested per-topic/partition errors.
function describeError(error) {
  const parts = [`${error.name}: ${error.message}`]
  if (error.type) parts.push(`type=${error.type}`)
  if (error.code !== undefined) parts.push(`code=${error.code}`)
  for (const nested of error.errors || error.topicErrors || error.partitions || []) {
    if (nested && (nested.error || nested.message)) {
      const inner = nested.error || nested
      parts.push(`[${nested.topic ?? ''}${nested.partition !== undefined ? '/' + nested.partition : ''} ${inner.type || inner.name}: ${inner.message}]`)
    }
  }
  if (error.cause) parts.push(`cause: ${describeError(error.cause)}`)
  return parts.join(' ')
}

// Runs a script's main(kafka, context): prints {"script":..., "ok":true, ...result} as one line and exits 0,
// or prints the failure on stderr and exits 1. A hung broker fails the script at the deadline.
function run(name, main, { timeoutMs = 20000 } = {}) {
  const deadline = setTimeout(() => {
    process.stderr.write(`${name}: FAILED: no result after ${timeoutMs} ms (a request the broker never answered?)\n`)
    process.exit(1)
  }, timeoutMs)
  let kafka
  Promise.resolve()
    .then(() => {
      kafka = createKafka(name)
      return main(kafka, { bootstrapServers: bootstrapServers(), logCreator })
    })
    .then(result => {
      clearTimeout(deadline)
      process.stdout.write(JSON.stringify({ script: name, ok: true, ...result }) + '\n')
      process.exit(0)
    })
    .catch(error => {
      clearTimeout(deadline)
      process.stderr.write(`${name}: FAILED: ${describeError(error)}\n${error.stack || ''}\n`)
      process.exit(1)
    })
}

module.exports = { run, check, recordRequests, uniqueTopic, describeError, logCreator, bootstrapServers }
