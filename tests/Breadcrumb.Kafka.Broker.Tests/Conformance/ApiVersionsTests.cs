using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Tests.Protocol;
using ErrorCode = Breadcrumb.Kafka.Broker.Protocol.ErrorCode;

namespace Breadcrumb.Kafka.Broker.Tests.Conformance;

/// <summary>ApiVersions v0–v4, and the KIP-511 answer to a newer version: v0 layout, UNSUPPORTED_VERSION and the list.</summary>
public sealed class ApiVersionsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    public static TheoryData<short> Versions() => [0, 1, 2, 3, 4];

    [Theory(Timeout = 30_000)]
    [MemberData(nameof(Versions))]
    public async Task ApiVersions_EveryServedVersion_ListsTheServedApis(short version)
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var response = await connection.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest { ClientSoftwareName = "raw-test", ClientSoftwareVersion = "1.0" }, version);

        response.ErrorCode.Should().Be(0);
        AssertListsServedApis(response);
    }

    [Theory(Timeout = 30_000)]
    [InlineData((short)5)]
    [InlineData((short)200)]
    public async Task ApiVersions_NewerThanServed_AnswersV0WithUnsupportedVersionAndTheList(short version)
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);
        // A future version still has the flexible request header (v2) the client would send.
        var frame = RawKafkaConnection.EncodeRequest(new ApiVersionsRequest { ClientSoftwareName = "future", ClientSoftwareVersion = "9" }, 4, 77);
        frame[6] = (byte)(version >> 8);
        frame[7] = (byte)version;
        await connection.WriteRawAsync(frame);

        var answer = await connection.ReadFrameAsync() ?? throw new IOException("the broker closed the connection instead of answering");
        var response = RawKafkaConnection.Decode<ApiVersionsResponse>(answer, 77, headerVersion: 0, version: 0);

        response.ErrorCode.Should().Be((short)ErrorCode.UnsupportedVersion);
        AssertListsServedApis(response);
        (await connection.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest(), 2)).ErrorCode.Should().Be(0, "the connection stays open for the retry");
    }

    [Fact(Timeout = 30_000)]
    public async Task ApiVersions_V3WithIllegalSoftwareName_IsInvalidRequest()
    {
        await using var connection = await RawKafkaConnection.ConnectAsync(fixture.Cluster);

        var response = await connection.SendAsync<ApiVersionsResponse>(new ApiVersionsRequest { ClientSoftwareName = "bad name!", ClientSoftwareVersion = "1" }, 3);

        response.ErrorCode.Should().Be((short)ErrorCode.InvalidRequest);
    }

    private void AssertListsServedApis(ApiVersionsResponse response)
    {
        var served = fixture.Cluster.Core.Dispatcher.Served;
        response.ApiKeys.Select(k => (k.ApiKey, k.MinVersion, k.MaxVersion)).Should().BeEquivalentTo(served.Select(a => (a.Key, a.MinVersion, a.MaxVersion)));
        response.ApiKeys.Select(k => k.ApiKey).Should().Contain([ProduceRequest.ApiKey, FetchRequest.ApiKey, MetadataRequest.ApiKey, ApiVersionsRequest.ApiKey]);
        response.ApiKeys.Single(k => k.ApiKey == FetchRequest.ApiKey).MaxVersion.Should().BeGreaterThanOrEqualTo(16, "Kafka 4.x clients fetch with v16+");
    }
}
