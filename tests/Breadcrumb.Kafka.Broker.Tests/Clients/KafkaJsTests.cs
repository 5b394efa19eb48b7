using System.Text.Json.Nodes;

namespace Breadcrumb.Kafka.Broker.Tests.Clients;

/// <summary>
/// kafkajs, a Kafka client written in JavaScript (not on librdkafka, older protocol versions: Produce v7, Fetch v11,
/// Metadata v6), drives the broker through the scripts in tests/clients/kafkajs; each prints one JSON line asserted here.
/// </summary>
public sealed class KafkaJsTests(KafkaJsFixture fixture) : IClassFixture<KafkaJsFixture>
{
    /// <summary>The version kafkajs 2.2.4 sends for each API it uses here: its newest, all inside the broker's ranges.</summary>
    private static readonly Dictionary<string, int> KafkaJsVersions = new()
    {
        ["ApiVersions"] = 2, ["Metadata"] = 6, ["Produce"] = 7, ["Fetch"] = 11, ["ListOffsets"] = 3, ["CreateTopics"] = 3,
        ["DeleteTopics"] = 1, ["CreatePartitions"] = 1, ["DeleteRecords"] = 1, ["InitProducerId"] = 1,
        ["DescribeConfigs"] = 2, ["AlterConfigs"] = 1,
    };

    private string Bootstrap => fixture.Cluster.BootstrapServers;

    [Fact(Timeout = 60_000)]
    public async Task ApiVersions_KafkaJsNegotiation_EveryServedApiAtAVersionTheBrokerAccepts()
    {
        var sut = KafkaJsRunner.FindOrSkip();

        var result = await sut.RunAsync("api-versions.js", Bootstrap, TestContext.Current.CancellationToken);

        var apis = result["apis"]!.AsObject();
        var refused = apis.Where(a => (bool)a.Value!["served"]! && !(bool)a.Value!["compatible"]!)
            .Select(a => $"{a.Key}: kafkajs sends v{a.Value!["chosen"]} (its newest is v{a.Value!["kafkajsMax"]}), the broker serves v{a.Value!["brokerMin"]}-v{a.Value!["brokerMax"]}")
            .ToList();
        refused.Should().BeEmpty("the broker's minimum versions must not refuse what kafkajs sends");
        foreach (var (api, version) in KafkaJsVersions)
        {
            ((int?)apis[api]!["chosen"]).Should().Be(version, $"kafkajs picks v{version} of {api} against the broker's v{apis[api]!["brokerMin"]}-v{apis[api]!["brokerMax"]}");
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task ApiVersions_EveryApiKafkaJsKnows_IsServedExceptAclsAndReassignments()
    {
        var sut = KafkaJsRunner.FindOrSkip();

        var result = await sut.RunAsync("api-versions.js", Bootstrap, TestContext.Current.CancellationToken);

        // ACLs and partition reassignment are not served by the embedded broker (docs/embedded-broker.md says so).
        var notServed = result["apis"]!.AsObject().Where(a => !(bool)a.Value!["served"]!).Select(a => a.Key).ToList();
        notServed.Should().BeSubsetOf(["DescribeAcls", "CreateAcls", "DeleteAcls", "AlterPartitionReassignments", "ListPartitionReassignments"],
            "groups, transactions and SASL are served now");
        notServed.Should().NotBeEmpty("kafkajs knows the ACL APIs, which the broker does not serve: the script must see that");
    }

    [Fact(Timeout = 60_000)]
    public async Task AdminTopics_CreateDescribeGrowDelete_AnswersAsKafka()
    {
        var sut = KafkaJsRunner.FindOrSkip();

        var result = await sut.RunAsync("admin-topics.js", Bootstrap, TestContext.Current.CancellationToken);

        ((bool)result["created"]!).Should().BeTrue();
        ((bool)result["createdAgain"]!).Should().BeFalse("kafkajs answers false for TOPIC_ALREADY_EXISTS");
        ((string?)result["invalidName"]!["type"]).Should().Be("INVALID_TOPIC_EXCEPTION", "'a/b' is not a legal topic name");
        ((int?)result["invalidPartitions"]!["code"]).Should().Be(37, "0 partitions is INVALID_PARTITIONS");
        ((bool)result["listedAfterCreate"]!).Should().BeTrue();
        var partitions = result["partitions"]!.AsArray();
        partitions.Select(p => (int)p!["partition"]!).Should().Equal(0, 1, 2);
        partitions.Select(p => (int)p!["errorCode"]!).Should().AllSatisfy(e => e.Should().Be(0));
        var nodeIds = fixture.Cluster.Brokers.Select(b => b.NodeId).ToList();
        partitions.Select(p => (int)p!["leader"]!).Should().AllSatisfy(l => nodeIds.Should().Contain(l));
        result["brokers"]!.AsArray().Select(b => (int)b!["port"]!).Should().BeEquivalentTo(fixture.Cluster.Brokers.Select(b => b.Port));
        ((string?)result["clusterId"]).Should().Be(fixture.Cluster.ClusterId);
        nodeIds.Should().Contain((int)result["controller"]!);
        ((int)result["partitionsAfterCreatePartitions"]!).Should().Be(5);
        ((bool)result["listedAfterDelete"]!).Should().BeFalse();
        fixture.Cluster.TopicNames.Should().NotContain((string)result["topic"]!);
        AssertVersions(result, "Metadata", "CreateTopics", "CreatePartitions", "DeleteTopics");
    }

    [Fact(Timeout = 60_000)]
    public async Task ProduceFetch_AcksKeysHeadersAndGzip_ReadBackIntact()
    {
        var sut = KafkaJsRunner.FindOrSkip();

        var result = await sut.RunAsync("produce-fetch.js", Bootstrap, TestContext.Current.CancellationToken);

        Offsets(result["acks"]!["all"]!).Should().Equal(0);
        Offsets(result["acks"]!["one"]!).Should().Equal(0, 2);
        ((int)result["acks"]!["zeroAnswers"]!).Should().Be(0, "acks=0 gets no response");
        Offsets(result["acks"]!["gzip"]!).Should().Equal(0);
        var p0 = result["partitions"]!["0"]!["records"]!.AsArray();
        p0.Select(r => (string?)r!["key"]).Should().Equal("key-0", "key-1", "key-2");
        p0.Select(r => (string?)r!["value"]).Should().Equal("all-0", "all-1", "all-2");
        p0.Select(r => (string?)r!["headers"]!["seq"]).Should().Equal("0", "1", "2");
        p0.Select(r => (string?)r!["headers"]!["source"]).Should().AllBe("kafkajs");
        var p1 = result["partitions"]!["1"]!["records"]!.AsArray();
        p1.Select(r => (string?)r!["value"]).Should().Equal("one-0", "zero-1", "one-2");
        p1.Select(r => (string?)r!["key"]).Should().Equal(null, null, "k");
        p1.Select(r => (string?)r!["offset"]).Should().Equal("0", "1", "2");
        ((int)result["gzip"]!["count"]!).Should().Be(50);
        ((string?)result["gzip"]!["highWatermark"]).Should().Be("50");
        result["gzip"]!["offsets"]!.AsArray().Select(o => (string?)o).Should().Equal(Enumerable.Range(0, 50).Select(i => $"{i}"));
        ((bool)result["gzip"]!["allValuesIntact"]!).Should().BeTrue();
        AssertVersions(result, "Produce");
    }

    [Fact(Timeout = 60_000)]
    public async Task Offsets_ListOffsetsAndDeleteRecords_WatermarksAndTimestampsAsKafka()
    {
        var sut = KafkaJsRunner.FindOrSkip();

        var result = await sut.RunAsync("offsets.js", Bootstrap, TestContext.Current.CancellationToken);

        Watermarks(result["empty"]!).Should().Be(("0", "0"));
        Watermarks(result["produced"]!["0"]!).Should().Be(("0", "10"));
        Watermarks(result["produced"]!["1"]!).Should().Be(("0", "1"));
        ((string?)result["byTimestamp"]).Should().Be("5", "offset 5 is the first with a timestamp at or after base + 4.5 s");
        ((string?)result["byTimestampPastTheEndRaw"]).Should().Be("-1", "no record is that late");
        ((string?)result["byTimestampPastTheEnd"]).Should().Be("10", "kafkajs replaces -1 with the high watermark");
        Watermarks(result["afterDelete"]!).Should().Be(("4", "10"));
        Watermarks(result["afterDeleteAll"]!).Should().Be(("1", "1"), "DeleteRecords to -1 means up to the high watermark");
        ((string?)result["readAfterDelete"]!["logStartOffset"]).Should().Be("4");
        result["readAfterDelete"]!["values"]!.AsArray().Select(v => (string?)v).Should().Equal("r4", "r5", "r6", "r7", "r8", "r9");
        AssertVersions(result, "ListOffsets", "DeleteRecords", "Produce");
    }

    [Fact(Timeout = 60_000)]
    public async Task Configs_DescribeAndAlter_ChangeWhatTheTopicAccepts()
    {
        var sut = KafkaJsRunner.FindOrSkip();

        var result = await sut.RunAsync("configs.js", Bootstrap, TestContext.Current.CancellationToken);

        ((int)result["initialCount"]!).Should().BeGreaterThan(2, "describing a topic lists all its configs, not only the ones set");
        ((string?)result["initial"]!["retention.ms"]!["value"]).Should().Be("3600000");
        ((bool)result["initial"]!["retention.ms"]!["isDefault"]!).Should().BeFalse();
        ((string?)result["initial"]!["cleanup.policy"]!["value"]).Should().Be("delete");
        ((bool)result["initial"]!["max.message.bytes"]!["isDefault"]!).Should().BeTrue();
        result["named"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo("retention.ms", "max.message.bytes");
        ((string?)result["afterValidateOnly"]).Should().Be("3600000", "validateOnly changes nothing");
        ((string?)result["afterAlter"]!["retention.ms"]!["value"]).Should().Be("7200000");
        ((string?)result["afterAlter"]!["max.message.bytes"]!["value"]).Should().Be("1024");
        ((string?)result["smallBaseOffset"]).Should().Be("0");
        ((string?)result["tooLarge"]!["type"]).Should().Be("MESSAGE_TOO_LARGE", "the record is past the altered max.message.bytes");
        ((string?)result["unknownName"]!["type"]).Should().Be("INVALID_CONFIG");
        ((string?)result["badValue"]!["type"]).Should().Be("INVALID_CONFIG");
        ((string?)result["unknownTopic"]!["type"]).Should().Be("UNKNOWN_TOPIC_OR_PARTITION");
        ((int)result["brokerResource"]!["errorCode"]!).Should().Be(0);
        AssertVersions(result, "DescribeConfigs", "AlterConfigs");
    }

    [Fact(Timeout = 60_000)]
    public async Task IdempotentProducer_SequencesAndResends_DuplicateGetsOriginalOffsetGapRefused()
    {
        var sut = KafkaJsRunner.FindOrSkip();

        var result = await sut.RunAsync("idempotent.js", Bootstrap, TestContext.Current.CancellationToken);

        Offsets(result["sent"]!).Should().Equal(0, 0, 3, 3);
        foreach (var partition in new[] { "0", "1" })
        {
            var batches = result["batches"]![partition]!.AsArray();
            batches.Select(b => (string?)b!["offset"]).Should().Equal("0", "3");
            batches.Select(b => (int)b!["firstSequence"]!).Should().Equal(0, 3);
            batches.Select(b => (int)b!["producerEpoch"]!).Should().AllSatisfy(e => e.Should().Be(0));
            batches.Select(b => long.Parse((string)b!["producerId"]!, System.Globalization.CultureInfo.InvariantCulture)).Should().AllSatisfy(id => id.Should().BeGreaterThanOrEqualTo(0));
        }

        result["values"]!["0"]!.AsArray().Select(v => (string?)v).Should().Equal("batch0-0", "batch0-1", "batch0-2", "batch2-0", "batch2-1", "batch2-2");
        ((int)result["duplicate"]!["errorCode"]!).Should().Be(0, "a duplicate batch is acknowledged, not refused");
        ((string?)result["duplicate"]!["baseOffset"]).Should().Be("3", "with the offset it was first stored at");
        ((string?)result["outOfOrder"]!["type"]).Should().Be("OUT_OF_ORDER_SEQUENCE_NUMBER");
        ((string?)result["highWatermarkAfterResend"]).Should().Be("6", "neither the duplicate nor the refused batch was stored");
        AssertVersions(result, "InitProducerId", "Produce");
    }

    [Fact(Timeout = 60_000)]
    public async Task Consumer_GroupSubscription_ReadsEverythingAndCommitsOffsets()
    {
        var sut = KafkaJsRunner.FindOrSkip();

        var result = await sut.RunAsync("group-consume.js", Bootstrap, TestContext.Current.CancellationToken);

        result["values"]!.AsArray().Select(v => (string?)v).Should().Equal(Enumerable.Range(0, 30).Select(i => $"v{i}"));
        var committed = result["committed"]!.AsArray();
        committed.Select(p => (int)p!["partition"]!).Should().Equal(0, 1, 2);
        committed.Sum(p => long.Parse((string)p!["offset"]!, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(30, "each partition's committed offset is its record count");
        AssertVersions(result, "JoinGroup", "SyncGroup", "OffsetCommit");
    }

    private static List<long> Offsets(JsonNode answers) =>
        [.. answers.AsArray().Select(a => long.Parse((string)a!["baseOffset"]!, System.Globalization.CultureInfo.InvariantCulture))];

    private static (string? Low, string? High) Watermarks(JsonNode offsets) => ((string?)offsets["low"], (string?)offsets["high"]);

    /// <summary>Checks the versions kafkajs actually sent (its instrumentation events) for the named APIs.</summary>
    private static void AssertVersions(JsonObject result, params string[] apis)
    {
        var sent = result["requests"]!.AsObject();
        foreach (var api in apis)
        {
            sent[api].Should().NotBeNull($"kafkajs sent {api} requests");
            var versions = sent[api]!.AsArray().Select(v => (int)v!).ToList();
            if (KafkaJsVersions.TryGetValue(api, out var expected))
            {
                versions.Should().Equal([expected], $"kafkajs sends {api} v{expected}");
            }
        }
    }
}
