# Another process's view of the embedded broker: Debian's python3-confluent-kafka (librdkafka 2.0.2).
# Usage: python3 python_read_committed.py BOOTSTRAP TOPIC
# Commits one transaction and aborts another of its own, then reads partition 0 from the beginning with
# read_committed and with read_uncommitted, and prints one JSON object with the values each saw.
import json
import sys
import uuid

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition

bootstrap, topic = sys.argv[1], sys.argv[2]

producer = Producer({"bootstrap.servers": bootstrap, "transactional.id": f"py-{uuid.uuid4()}"})
producer.init_transactions(30)
for name, commit in (("py-committed", True), ("py-aborted", False)):
    producer.begin_transaction()
    for i in range(2):
        producer.produce(topic, key="py", value=f"{name}-{i}", partition=0)
    producer.flush(30)
    if commit:
        producer.commit_transaction(30)
    else:
        producer.abort_transaction(30)


def read(isolation):
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": f"py-{uuid.uuid4()}",
        "isolation.level": isolation,
        "enable.partition.eof": True,
        "enable.auto.commit": False,
        "fetch.wait.max.ms": 50,
    })
    consumer.assign([TopicPartition(topic, 0, 0)])
    values = []
    while True:
        message = consumer.poll(30)
        if message is None:
            raise SystemExit(f"no end of partition within 30 s ({isolation}); read {values}")
        if message.error():
            if message.error().code() == KafkaError._PARTITION_EOF:
                break
            raise SystemExit(str(message.error()))
        values.append(message.value().decode())
    consumer.close()
    return values


print(json.dumps({"read_committed": read("read_committed"), "read_uncommitted": read("read_uncommitted")}))
