using Breadcrumb.Kafka.Tests.TestSupport;

namespace Breadcrumb.Kafka.Tests.Connection;

public sealed class KafkaConnectionConfigFileTests : IDisposable
{
    private const string Secret = "s3cr3t/Pa55=word==";

    // As Confluent Cloud's "Clients" page and the lab's ./.confluent/librdkafka.config write it.
    private const string ConfluentExample = $"""
        # Required connection configs for Kafka producer, consumer, and admin
        bootstrap.servers=pkc-n98pk.us-west2.gcp.confluent.cloud:9092
        security.protocol=SASL_SSL
        sasl.mechanisms=PLAIN
        sasl.username=ABCDEFGHIJKLMNOP
        sasl.password={Secret}

        # Best practice for higher availability in librdkafka clients prior to 1.7
        session.timeout.ms=45000

        # Required connection configs for Confluent Cloud Schema Registry
        schema.registry.url=https://psrc-4r3n1.us-central1.gcp.confluent.cloud
        basic.auth.credentials.source=USER_INFO
        basic.auth.user.info=SRKEY:{Secret}
        """;

    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public void FromConfigFile_ConfluentExample_ReadsKafkaSettingsAndDropsSchemaRegistry()
    {
        var path = dir.Write("librdkafka.config", ConfluentExample);

        var sut = KafkaConnection.FromConfigFile(path);

        sut.BootstrapServers.Should().Be("pkc-n98pk.us-west2.gcp.confluent.cloud:9092");
        sut.Source.Should().Be(path);
        sut.Properties.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["bootstrap.servers"] = "pkc-n98pk.us-west2.gcp.confluent.cloud:9092",
            ["security.protocol"] = "SASL_SSL",
            ["sasl.mechanisms"] = "PLAIN",
            ["sasl.username"] = "ABCDEFGHIJKLMNOP",
            ["sasl.password"] = Secret,
            ["session.timeout.ms"] = "45000",
        });
        sut.CreateProducerConfig().SaslPassword.Should().Be(Secret, "'=' inside a value is kept");
    }

    [Fact]
    public async Task FromConfigFileAsync_ConfluentExample_MatchesSyncParse()
    {
        var path = dir.Write("librdkafka.config", ConfluentExample);

        var sut = await KafkaConnection.FromConfigFileAsync(path, TestContext.Current.CancellationToken);

        sut.Properties.Should().BeEquivalentTo(KafkaConnection.FromConfigFile(path).Properties);
    }

    [Fact]
    public void FromConfigFile_WhitespaceCommentsAndCrLf_AreTrimmedOrIgnored()
    {
        var path = dir.Write("librdkafka.config", "\uFEFF  # comment = not a setting\r\n\r\n\t bootstrap.servers =  localhost:9092 \r\n   #indented comment\r\nclient.id= a = b \r\n");

        var sut = KafkaConnection.FromConfigFile(path);

        sut.Properties.Should().BeEquivalentTo(new Dictionary<string, string> { ["bootstrap.servers"] = "localhost:9092", ["client.id"] = "a = b" });
    }

    [Fact]
    public void FromConfigFile_MissingFile_ThrowsFileNotFoundWithFullPath()
    {
        var path = dir.File("nope.config");

        var act = () => KafkaConnection.FromConfigFile(path);

        act.Should().Throw<FileNotFoundException>()
            .WithMessage($"Kafka config file '{path}' was not found (full path: {path}). Pass the librdkafka.config file Confluent Cloud generated for your cluster (the lab's -f argument), or use KafkaConnection.FromBootstrapServers.")
            .Which.FileName.Should().Be(path);
    }

    [Fact]
    public async Task FromConfigFileAsync_MissingDirectory_ThrowsFileNotFound()
    {
        var path = Path.Combine(dir.File("no-such-dir"), "librdkafka.config");

        var act = () => KafkaConnection.FromConfigFileAsync(path, TestContext.Current.CancellationToken);

        (await act.Should().ThrowAsync<FileNotFoundException>()).Which.FileName.Should().Be(path);
    }

    [Theory]
    [InlineData("sasl.password", 3, null, "the line has no '='. Write each setting as key=value, or start the line with '#' to make it a comment.")]
    [InlineData($"={Secret}", 3, null, "the line starts with '=' so it has no key. Write the setting as key=value, e.g. 'sasl.username=<API key>'.")]
    [InlineData($"sasl password={Secret}", 3, "sasl password", "the key 'sasl password' contains whitespace. librdkafka keys are dotted names such as 'sasl.mechanisms'.")]
    [InlineData("sasl.password=   ", 3, "sasl.password", "sasl.password has an empty value. Give it a value or remove the line.")]
    [InlineData($"sasl.password={Secret}\nsasl.password={Secret}x", 4, "sasl.password", "sasl.password is set again (first on line 3). Keep only one of the two lines.")]
    public void FromConfigFile_BadLine_NamesFileLineAndKeyButNoSecret(string lines, int line, string? key, string what)
    {
        var path = dir.Write("librdkafka.config", $"# Kafka\nbootstrap.servers=localhost:9092\n{lines}\n");

        var act = () => KafkaConnection.FromConfigFile(path);

        var error = act.Should().Throw<KafkaConfigFileException>().Which;
        error.Message.Should().Be($"{path} line {line}: {what}");
        (error.FilePath, error.Line, error.Key).Should().Be((path, line, key));
        error.ToString().Should().NotContain(Secret).And.NotContain("s3cr3t");
    }

    [Theory]
    [InlineData("sasl.usernme=KEY", "sasl.usernme", "Did you mean 'sasl.username'?")]
    [InlineData("Sasl.Mechanisms=PLAIN", "Sasl.Mechanisms", "Did you mean 'sasl.mechanisms'?")]
    [InlineData("frobnicate.level=3", "frobnicate.level", "Check the spelling against librdkafka's CONFIGURATION.md, or remove the line.")]
    public void FromConfigFile_UnknownKey_SuggestsTheClosestProperty(string line, string key, string hint)
    {
        var path = dir.Write("librdkafka.config", $"bootstrap.servers=localhost:9092\nsasl.password={Secret}\n{line}\n");

        var act = () => KafkaConnection.FromConfigFile(path);

        var error = act.Should().Throw<KafkaConfigFileException>().Which;
        error.Message.Should().Be($"{path} line 3: '{key}' is not a librdkafka property. {hint}");
        error.Key.Should().Be(key);
    }

    [Fact]
    public void FromConfigFile_MisspeltBootstrap_SuggestsItBeforeSayingItIsMissing()
    {
        var path = dir.Write("librdkafka.config", "bootstrap.server=localhost:9092\n");

        var act = () => KafkaConnection.FromConfigFile(path);

        act.Should().Throw<KafkaConfigFileException>().WithMessage($"{path} line 1: 'bootstrap.server' is not a librdkafka property. Did you mean 'bootstrap.servers'?");
    }

    [Fact]
    public void FromConfigFile_PluginsOrDotnetKeys_AreAccepted()
    {
        var path = dir.Write("librdkafka.config", "bootstrap.servers=localhost:9092\ndotnet.cancellation.delay.max.ms=50\nplugin.library.paths=monitoring-interceptor\nconfluent.monitoring.interceptor.topic=_mon\n");

        var sut = KafkaConnection.FromConfigFile(path);

        sut.Properties.Keys.Should().BeEquivalentTo("bootstrap.servers", "dotnet.cancellation.delay.max.ms", "plugin.library.paths", "confluent.monitoring.interceptor.topic");
    }

    [Fact]
    public void FromConfigFile_NoBootstrapServers_SaysHowToAddIt()
    {
        var path = dir.Write("librdkafka.config", $"sasl.username=KEY\nsasl.password={Secret}\n");

        var act = () => KafkaConnection.FromConfigFile(path);

        var error = act.Should().Throw<KafkaConfigFileException>().Which;
        error.Message.Should().Be($"{path}: bootstrap.servers is missing. Add a line such as 'bootstrap.servers=pkc-xxxxx.us-west4.gcp.confluent.cloud:9092' (Confluent Cloud shows it under Cluster settings).");
        (error.Line, error.Key).Should().Be(((int?)null, "bootstrap.servers"));
    }

    [Fact]
    public void FromConfigFile_BootstrapWithoutPort_NamesItsLine()
    {
        var path = dir.Write("librdkafka.config", $"sasl.password={Secret}\n\nbootstrap.servers=pkc-n98pk.us-west2.gcp.confluent.cloud\n");

        var act = () => KafkaConnection.FromConfigFile(path);

        var error = act.Should().Throw<KafkaConfigFileException>().Which;
        error.Message.Should().StartWith($"{path} line 3: bootstrap.servers is not a host:port list. bootstrap.servers in {path} has 'pkc-n98pk.us-west2.gcp.confluent.cloud', which is not host:port");
        error.ToString().Should().NotContain(Secret);
    }

    [Fact]
    public void FromConfigFile_EmptyPath_ThrowsArgumentException()
    {
        var act = () => KafkaConnection.FromConfigFile(" ");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ToString_ConnectionWithSecrets_PrintsOnlyKeyNames()
    {
        var path = dir.Write("librdkafka.config", ConfluentExample + "\nssl.key.password=" + Secret + "x\nsasl.oauthbearer.client.secret=topsecret\n");

        var text = KafkaConnection.FromConfigFile(path).WithProperty("ssl.keystore.password", "hunter2").ToString();

        text.Should().Be("pkc-n98pk.us-west2.gcp.confluent.cloud:9092 (+ sasl.mechanisms, sasl.oauthbearer.client.secret, sasl.password, sasl.username, security.protocol, session.timeout.ms, ssl.key.password, ssl.keystore.password)");
        text.Should().NotContain("s3cr3t").And.NotContain("topsecret").And.NotContain("hunter2").And.NotContain("ABCDEFGHIJKLMNOP");
    }
}
