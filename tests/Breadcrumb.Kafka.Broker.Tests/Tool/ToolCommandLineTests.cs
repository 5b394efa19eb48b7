using Breadcrumb.Kafka.Broker.Tool;
using Breadcrumb.Kafka.Broker.Tool.CommandLine;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka.Broker.Tests.Tool;

/// <summary>kafka-embedded's arguments (issue 19): what each option accepts, and errors that name the option and the fix.</summary>
public sealed class ToolCommandLineTests
{
    [Fact]
    public void Parse_NoArguments_TakesTheDefaults()
    {
        var settings = Parse();

        settings.Should().BeEquivalentTo(new ToolSettings());
        settings.Ports.Should().BeEmpty("free ports by default");
        settings.BrokerCount.Should().Be(1);
        settings.Host.Should().Be("127.0.0.1");
        settings.SecurityProtocol.Should().Be(KafkaSecurityProtocol.Plaintext);
        settings.AutoCreateTopics.Should().BeTrue();
        settings.ExitOnStdinClose.Should().BeFalse();
        settings.LogLevel.Should().Be(LogLevel.Warning);
    }

    [Fact]
    public void Parse_EveryOption_ReachesTheClusterOptions()
    {
        var settings = Parse(
            "--port", "19092", "--brokers", "3", "--host", "localhost", "-t", "orders:6:retention.ms=60000", "--topic", "audit",
            "--default-partitions", "4", "--no-auto-create", "--security-protocol", "SASL_SSL", "--sasl-user", "alice:pw1",
            "--sasl-user", "bob:pw2", "--sasl-mechanisms", "plain,scram-sha-512", "--retention-ms", "3600000", "--retention-bytes", "64M",
            "--memory-budget", "2G", "--exit-on-stdin-close", "--log-level", "debug");

        var sut = settings.ToClusterOptions(loggerFactory: null);

        sut.Ports.Should().Equal(19092, 19093, 19094);
        sut.BrokerCount.Should().Be(3);
        sut.Host.Should().Be("localhost");
        sut.DefaultPartitions.Should().Be(4);
        sut.AutoCreateTopics.Should().BeFalse();
        sut.SecurityProtocol.Should().Be(KafkaSecurityProtocol.SaslSsl);
        sut.SaslUsers.Should().Equal(new Dictionary<string, string> { ["alice"] = "pw1", ["bob"] = "pw2" });
        sut.SaslMechanisms.Should().Equal("PLAIN", "SCRAM-SHA-512");
        sut.TopicDefaults.Should().Equal(new Dictionary<string, string> { ["retention.ms"] = "3600000", ["retention.bytes"] = "67108864" });
        sut.MemoryBudgetBytes.Should().Be(2L << 30);
        settings.Topics.Select(t => (t.Name, t.Partitions)).Should().Equal(("orders", 6), ("audit", (int?)null));
        settings.ExitOnStdinClose.Should().BeTrue();
        settings.LogLevel.Should().Be(LogLevel.Debug);
    }

    [Theory]
    [InlineData(new[] { "--port", "9092", "--brokers", "3" }, new[] { 9092, 9093, 9094 })]
    [InlineData(new[] { "--port", "0", "--brokers", "2" }, new[] { 0, 0 })]
    [InlineData(new[] { "--ports", "9092,9094", "-p", "9093", "--brokers", "3" }, new[] { 9092, 9094, 9093 })]
    [InlineData(new[] { "-p", "9092" }, new[] { 9092 })]
    public void Parse_Ports_OneForAllBrokersOrOnePerBroker(string[] args, int[] expected)
    {
        Parse(args).Ports.Should().Equal(expected);
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("512", 512L)]
    [InlineData("64K", 64L << 10)]
    [InlineData("512M", 512L << 20)]
    [InlineData("512mb", 512L << 20)]
    [InlineData("2G", 2L << 30)]
    [InlineData("1GiB", 1L << 30)]
    public void Parse_MemoryBudget_ReadsPowersOf1024(string text, long expected)
    {
        Parse("--memory-budget", text).MemoryBudgetBytes.Should().Be(expected);
    }

    [Fact]
    public void Parse_RetentionMinusOne_KeepsForever()
    {
        var settings = Parse("--retention-ms", "-1", "--retention-bytes", "-1");

        settings.ToClusterOptions(null).TopicDefaults.Should().Equal(new Dictionary<string, string> { ["retention.ms"] = "-1", ["retention.bytes"] = "-1" });
    }

    [Fact]
    public void Parse_TopicConfigs_ListValuesKeepTheirCommas()
    {
        var topic = Parse("--topic", "events::cleanup.policy=compact,delete,retention.ms=5000").Topics.Should().ContainSingle().Subject;

        topic.Partitions.Should().BeNull("an empty partition count takes --default-partitions");
        topic.Configs.Should().Equal(new Dictionary<string, string> { ["cleanup.policy"] = "compact,delete", ["retention.ms"] = "5000" });
    }

    [Fact]
    public void Parse_SaslUserWithoutProtocol_ImpliesSaslPlaintext_KeepsColonsInThePassword()
    {
        var settings = Parse("--sasl-user", "alice:a:b:c");

        settings.SecurityProtocol.Should().Be(KafkaSecurityProtocol.SaslPlaintext);
        settings.SaslUsers.Should().ContainSingle().Which.Should().Be(new SaslUser("alice", "a:b:c"));
        settings.SaslUsers[0].ToString().Should().Be("alice");
    }

    [Theory]
    [InlineData("--brokers 0", "--brokers must be a whole number from 1 to 64 (was '0').")]
    [InlineData("--brokers three", "--brokers must be a whole number from 1 to 64 (was 'three').")]
    [InlineData("--port 70000", "--port must be a whole number from 0 to 65535 (was '70000').")]
    [InlineData("--port 9092,9093", "--port gives 2 ports for 1 broker: give one port (the brokers take it and the next ones) or one per broker.")]
    [InlineData("--port 9092,9092 --brokers 2", "--port gives port 9092 twice; each broker needs its own port.")]
    [InlineData("--port 65535 --brokers 2", "--port 65535 with 2 brokers would go past port 65535; give a lower first port.")]
    [InlineData("--host example.com", "--host must be an IP address to listen on, such as 127.0.0.1 or ::1, or 'localhost' (was 'example.com').")]
    [InlineData("--topic a/b", "--topic needs a topic name of 1 to 249 characters among a-z, A-Z, 0-9, '.', '_' and '-', not '.' or '..', as in --topic orders:3:retention.ms=60000 (was 'a/b').")]
    [InlineData("--topic orders:zero", "--topic orders: the partition count must be a whole number from 1 to 2147483647 (was 'zero').")]
    [InlineData("--topic orders:1:retention.ms", "--topic orders: configs must be key=value pairs separated by ',', as in retention.ms=60000,cleanup.policy=compact; 'retention.ms' has no '='.")]
    [InlineData("--topic orders --topic orders:2", "--topic names topic 'orders' twice.")]
    [InlineData("--security-protocol tls", "--security-protocol must be one of plaintext, ssl, sasl_plaintext, sasl_ssl (was 'tls').")]
    [InlineData("--security-protocol sasl_ssl", "--security-protocol sasl_ssl needs at least one --sasl-user user:password.")]
    [InlineData("--security-protocol ssl --sasl-user a:b", "--sasl-user needs --security-protocol sasl_plaintext or sasl_ssl (was ssl).")]
    [InlineData("--sasl-user a:b --sasl-user a:c", "--sasl-user gives user 'a' twice.")]
    [InlineData("--sasl-user a:b --sasl-mechanisms GSSAPI", "--sasl-mechanisms must list mechanisms among PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 (was 'GSSAPI').")]
    [InlineData("--sasl-mechanisms PLAIN", "--sasl-mechanisms needs SASL: add --sasl-user user:password (and --security-protocol sasl_plaintext or sasl_ssl).")]
    [InlineData("--retention-ms -2", "--retention-ms must be a number of milliseconds, -1 for no limit (was '-2').")]
    [InlineData("--retention-bytes 1X", "--retention-bytes must be a byte count, optionally with K, M or G (powers of 1024) as in 512M; -1 for no limit (was '1X').")]
    [InlineData("--memory-budget -1", "--memory-budget must be a byte count, optionally with K, M or G (powers of 1024) as in 512M; 0 for no limit (was '-1').")]
    [InlineData("--memory-budget 99999999999G", "--memory-budget must be a byte count, optionally with K, M or G (powers of 1024) as in 512M; 0 for no limit (was '99999999999G').")]
    [InlineData("--default-partitions 0", "--default-partitions must be a whole number from 1 to 2147483647 (was '0').")]
    [InlineData("--log-level loud", "--log-level must be one of trace, debug, information, warning, error, critical, none (was 'loud').")]
    public void Parse_BadValue_NamesTheOptionAndWhatItAccepts(string args, string expected)
    {
        var sut = new ToolCommandLine();

        var result = sut.Parse(args.Split(' '));

        result.Settings.Should().BeNull();
        result.Errors.Should().Equal(expected);
    }

    [Theory]
    [InlineData("secret-without-colon", "--sasl-user must be user:password with a non-empty user name (no ',') and password; the value has no ':'.")]
    [InlineData(":secret-without-user", "--sasl-user must be user:password with a non-empty user name (no ',') and password; the user name is empty.")]
    [InlineData("alice:", "--sasl-user must be user:password with a non-empty user name (no ',') and password; the password of 'alice' is empty.")]
    [InlineData("a,b:secret-after-comma", "--sasl-user must be user:password with a non-empty user name (no ',') and password; the user name 'a,b' has a ','.")]
    public void Parse_BadSaslUser_SaysWhyWithoutThePassword(string value, string expected)
    {
        var result = new ToolCommandLine().Parse(["--sasl-user", value]);

        result.Errors.Should().Equal(expected);
        result.Errors[0].Should().NotContain("secret");
    }

    [Fact]
    public void Parse_SeveralBadValues_ReportsEach()
    {
        var result = new ToolCommandLine().Parse(["--brokers", "0", "--log-level", "loud"]);

        result.Errors.Should().HaveCount(2);
    }

    [Fact]
    public void Parse_UnknownOption_IsAnErrorNamingIt()
    {
        var result = new ToolCommandLine().Parse(["--partitions", "3"]);

        result.Settings.Should().BeNull();
        result.Errors.Should().Contain(e => e.Contains("'--partitions'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--version")]
    public void Parse_HelpOrVersion_StartsNothing(string option)
    {
        var result = new ToolCommandLine().Parse([option]);

        result.AsksForHelpOrVersion.Should().BeTrue();
    }

    private static ToolSettings Parse(params string[] args)
    {
        var result = new ToolCommandLine().Parse(args);
        result.Errors.Should().BeEmpty();
        return result.Settings!;
    }
}
