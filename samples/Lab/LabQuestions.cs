namespace Breadcrumb.Kafka.Samples.Lab;

/// <summary>The lab's questions per section, quoted from the course text (DataEng: Data Transport Activity).</summary>
public static class LabQuestions
{
    /// <summary>Gets each section's title and questions, by section id ("A" to "I").</summary>
    public static IReadOnlyDictionary<string, (string Title, string[] Questions)> All { get; } = new Dictionary<string, (string, string[])>
    {
        ["A"] = ("Initialization", [
            "Create a sample breadcrumb data file (named bcsample.json) consisting of a sample of 1000 breadcrumb records.",
            "Update your producer to parse your sample.json file and send its contents, one record at a time, to the kafka topic.",
            "Use your consumer.py program (from the tutorial) to consume your records.",
        ]),
        ["B"] = ("Kafka Monitoring", [
            "Find the Kafka monitoring console for your topic. Briefly describe its contents. Do the measured values seem reasonable to you?",
            "Use this monitoring feature as you do each of the following exercises.",
        ]),
        ["C"] = ("Kafka Storage", [
            "Run the linux command \"wc bcsample.json\". Record the output here so that we can verify that your sample data file is of reasonable size.",
            "What happens if you run your consumer multiple times while only running the producer once?",
            "Before the consumer runs, where might the data go, where might it be stored?",
            "Is there a way to determine how much data Kafka/Confluent is storing for your topic? Do the Confluent monitoring tools help with this?",
            "Create a \"topic_clean.py\" consumer that reads and discards all records for a given topic.",
        ]),
        ["D"] = ("Multiple Producers", [
            "Clear all data from the topic.",
            "Run two versions of your producer concurrently, have each of them send all 1000 of your sample records. When finished, run your consumer once. Describe the results.",
        ]),
        ["E"] = ("Multiple Concurrent Producers and Consumers", [
            "Clear all data from the topic.",
            "Update your Producer code to include a 250 msec sleep after each send of a message to the topic.",
            "Run two or three concurrent producers and two concurrent consumers all at the same time. Describe the results.",
        ]),
        ["F"] = ("Varying Keys", [
            "Clear all data from the topic.",
            "Update your producer code to choose a random number between 1 and 5 for each record's key.",
            "Modify your consumer to consume only records with a specific key (or subset of keys).",
            "Attempt to consume records with a key that does not exist. E.g., consume records with key value of \"100\". Describe the results.",
            "Can you create a consumer that only consumes specific keys? If you run this consumer multiple times with varying keys then does it allow you to consume messages out of order while maintaining order within each key?",
        ]),
        ["G"] = ("Producer Flush", [
            "What does Producer.flush() do?",
            "What happens if you do not call producer.flush()?",
            "What happens if you call producer.flush() after sending each record?",
            "What happens if you wait for 2 seconds after every 5th record send, and you call flush only after every 15 record sends, and you have a consumer running concurrently? Specifically, does the consumer receive each message immediately? only after a flush? Something else?",
        ]),
        ["H"] = ("Consumer Groups", [
            "Create two consumer groups with one consumer program instance in each group.",
            "Run the producer and have it produce all 1000 messages from your sample file.",
            "Run each of the consumers and verify that each consumer consumes all of the messages.",
            "Create a second consumer within one of the groups so that you now have three consumers total.",
            "Rerun the producer and consumers. Verify that each consumer group consumes the full set of messages but that each consumer within a consumer group only consumes a portion of the messages sent to the topic.",
        ]),
        ["I"] = ("Kafka Transactions", [
            "Create a new producer, similar to the previous producer, that uses transactions.",
            "The producer should begin a transaction, send 4 records in the transactions, then wait for 2 seconds, then choose True/False randomly with equal probability. If True then finish the transaction successfully with a commit. If False is picked then cancel the transaction.",
            "Create a new transaction-aware consumer. The consumer should consume the data. It should also use the Confluent/Kafka transaction API with a \"read_committed\" isolation level.",
            "Transaction across multiple topics. Create a second topic and modify your producer to send two records to the first topic and two records to the second topic before randomly committing or canceling the transaction. Modify the consumer to consume from the two queues. Verify that it only consumes committed data and not uncommitted or canceled data.",
        ]),
    };
}
