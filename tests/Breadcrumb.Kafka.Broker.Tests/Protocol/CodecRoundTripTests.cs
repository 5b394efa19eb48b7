using Breadcrumb.Kafka.Broker.Protocol;
using Breadcrumb.Kafka.Broker.Protocol.Messages;

namespace Breadcrumb.Kafka.Broker.Tests.Protocol;

/// <summary>Every version of every API's request and response: write, read back, write again, same bytes.</summary>
public sealed class CodecRoundTripTests
{
    public static TheoryData<string, short, bool> Versions()
    {
        var data = new TheoryData<string, short, bool>();
        foreach (var api in ApiCatalog.All)
        {
            for (var v = api.MinVersion; v <= api.MaxVersion; v++)
            {
                data.Add(api.Name, v, false);
                data.Add(api.Name, v, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void WriteReadWrite_EveryVersion_GivesTheSameBytes(string apiName, short version, bool response)
    {
        var api = ApiCatalog.All.Single(a => a.Name == apiName);
        for (var seed = 0; seed < 8; seed++)
        {
            var original = response ? api.CreateResponse() : api.CreateRequest();
            new MessageFiller(new Random(seed * 31 + version)).Fill(original);

            var first = Encode(original, version);
            var copy = response ? api.CreateResponse() : api.CreateRequest();
            var reader = new KafkaReader(first);
            copy.Read(ref reader, version);

            reader.IsAtEnd.Should().BeTrue($"{apiName} v{version} must read exactly what it wrote (seed {seed})");
            Encode(copy, version).Should().Equal(first, $"{apiName} v{version} must write back what it read (seed {seed})");
        }
    }

    [Fact]
    public void Catalog_ListsEachApiKeyOnce_WithSaneRanges()
    {
        ApiCatalog.All.Select(a => a.Key).Should().OnlyHaveUniqueItems();
        ApiCatalog.All.Should().AllSatisfy(a => a.MinVersion.Should().BeLessThanOrEqualTo(a.MaxVersion));
    }

    private static byte[] Encode(IKafkaMessage message, short version)
    {
        using var writer = new KafkaWriter();
        message.Write(writer, version);
        return writer.WrittenSpan.ToArray();
    }
}
