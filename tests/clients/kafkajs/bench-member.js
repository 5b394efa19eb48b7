'use strict'
// One kafkajs group member for bench/Breadcrumb.Kafka.GroupBench, driven over stdin/stdout (not a test).
//   node bench-member.js BOOTSTRAP GROUP TOPIC [heartbeatIntervalMs] [maxWaitTimeInMs]
// Without the optional numbers the consumer has kafkajs's defaults (only groupId is set; fromBeginning on subscribe).
// It connects and prints READY; on stdin `subscribe` it subscribes and runs; `close` disconnects (LeaveGroup), prints
// CLOSED and exits. Every change of the partitions it holds is printed as `ASSIGNED p,p,...` (empty when a rebalance
// takes them away: kafkajs's protocol is eager). The bench times these lines; it simulates a crash with SIGKILL.
const readline = require('readline')
const { Kafka, logLevel } = require('kafkajs')
const { logCreator, describeError } = require('./lib/harness')

const [bootstrap, groupId, topic, heartbeat, maxWait] = process.argv.slice(2)
if (!bootstrap || !groupId || !topic) {
  process.stderr.write('usage: node bench-member.js BOOTSTRAP GROUP TOPIC [heartbeatIntervalMs] [maxWaitTimeInMs]\n')
  process.exit(2)
}

// A classic member learns of a rebalance from a heartbeat answered REBALANCE_IN_PROGRESS, which kafkajs logs as an
// error each time: expected here, so left out of the log.
const log = logCreator()
const quietLogCreator = () => entry => {
  if (entry.log.error !== 'The group is rebalancing, so a rejoin is needed') log(entry)
}
const kafka = new Kafka({ clientId: 'breadcrumb-groupbench', brokers: bootstrap.split(','), logLevel: logLevel.ERROR, logCreator: quietLogCreator })
const options = { groupId }
if (heartbeat) options.heartbeatInterval = Number(heartbeat)
if (maxWait) options.maxWaitTimeInMs = Number(maxWait)
const consumer = kafka.consumer(options)

let held = ''
function hold(partitions) {
  const line = [...partitions].sort((a, b) => a - b).join(',')
  if (line !== held) {
    held = line
    process.stdout.write(`ASSIGNED ${line}\n`)
  }
}

function fail(error) {
  process.stderr.write(`bench-member: FAILED: ${describeError(error)}\n${error.stack || ''}\n`)
  process.exit(1)
}

consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => hold(payload.memberAssignment[topic] || []))
consumer.on(consumer.events.REBALANCING, () => hold([]))
consumer.on(consumer.events.CRASH, ({ payload }) => fail(payload.error))

async function main() {
  await consumer.connect()
  process.stdout.write('READY\n')
  for await (const command of readline.createInterface({ input: process.stdin })) {
    if (command === 'subscribe') {
      await consumer.subscribe({ topics: [topic], fromBeginning: true })
      consumer.run({ eachMessage: async () => {} }).catch(fail)
    } else if (command === 'close') {
      await consumer.disconnect()
      process.stdout.write('CLOSED\n')
      process.exit(0)
    }
  }
  // stdin closed without `close`: leave as a closing member would.
  await consumer.disconnect()
  process.exit(0)
}

main().catch(fail)
