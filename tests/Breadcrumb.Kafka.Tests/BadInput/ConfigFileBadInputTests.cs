using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.BadInput;

/// <summary>Issue 9: a librdkafka.config with a bad line or a missing value fails with the file, the line and the key.</summary>
public sealed class ConfigFileBadInputTests : IDisposable
{
    private const string Good = "bootstrap.servers=pkc-123.us-west4.gcp.confluent.cloud:9092\nsecurity.protocol=SASL_SSL\n";

    private readonly TempDirectory directory = new();

    public static TheoryData<string, int, string?, string> BadFiles => new()
    {
        { "# Confluent Cloud\n" + Good + "sasl.mechanisms PLAIN\n", 4, null, "the line has no '='" },
        { Good + "sasl.username=\n", 3, "sasl.username", "sasl.username has an empty value" },
        { Good + "=secret\n", 3, null, "the line starts with '=' so it has no key" },
        { Good + "sasl password=x\n", 3, "sasl password", "the key 'sasl password' contains whitespace" },
        { Good + "\n\nsecurity.protocol=PLAINTEXT\n", 5, "security.protocol", "security.protocol is set again (first on line 2)" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void FromConfigFile_BadLine_NamesFileLineAndProblem(string text, int line, string? key, string problem)
    {
        var path = directory.Write("librdkafka.config", text);

        var error = Assert.Throws<KafkaConfigFileException>(() => KafkaConnection.FromConfigFile(path));

        error.Message.Should().StartWith($"{path} line {line}: {problem}.");
        (error.FilePath, error.Line, error.Key).Should().Be((path, line, key));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task FromConfigFileAsync_BadLine_SameMessageAsSync(string text, int line, string? key, string problem)
    {
        var path = directory.Write("librdkafka.config", text);

        var act = () => KafkaConnection.FromConfigFileAsync(path, TestContext.Current.CancellationToken);

        var error = (await act.Should().ThrowAsync<KafkaConfigFileException>()).Which;
        error.Message.Should().StartWith($"{path} line {line}: {problem}.");
        error.Key.Should().Be(key);
    }

    [Fact]
    public void FromConfigFile_NoBootstrapServers_SaysWhichSettingIsMissingAndWhereToFindIt()
    {
        var path = directory.Write("librdkafka.config", "security.protocol=SASL_SSL\nsasl.mechanisms=PLAIN\n");

        var error = Assert.Throws<KafkaConfigFileException>(() => KafkaConnection.FromConfigFile(path));

        error.Message.Should().Be(
            $"{path}: bootstrap.servers is missing. Add a line such as 'bootstrap.servers=pkc-xxxxx.us-west4.gcp.confluent.cloud:9092' (Confluent Cloud shows it under Cluster settings).");
        error.Key.Should().Be("bootstrap.servers");
    }

    [Theory]
    [InlineData("bootstrap.servers=localhost")]
    [InlineData("bootstrap.servers=localhost:notaport")]
    public void FromConfigFile_BootstrapWithoutPort_PointsAtItsLine(string line)
    {
        var path = directory.Write("librdkafka.config", "# cluster\n" + line + "\n");

        var error = Assert.Throws<KafkaConfigFileException>(() => KafkaConnection.FromConfigFile(path));

        error.Message.Should().StartWith($"{path} line 2: bootstrap.servers is not a host:port list.");
        error.Line.Should().Be(2);
    }

    [Fact]
    public void FromConfigFile_MissingFile_NamesThePath()
    {
        var path = directory.File("librdkafka.config");

        var act = () => KafkaConnection.FromConfigFile(path);

        act.Should().Throw<FileNotFoundException>().Which.Message.Should().Contain(path).And.Contain("was not found");
    }

    public void Dispose() => directory.Dispose();
}
