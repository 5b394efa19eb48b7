using Microsoft.Extensions.DependencyInjection;

namespace Breadcrumb.Kafka.Tests.DependencyInjection;

/// <summary>Issue 8: each invalid setting names itself in the error, at registration (application start).</summary>
public sealed class BreadcrumbKafkaOptionsValidationTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"breadcrumb-di-{Guid.NewGuid():N}");

    public BreadcrumbKafkaOptionsValidationTests() => Directory.CreateDirectory(directory);

    public static TheoryData<string, Action<BreadcrumbKafkaOptions>> InvalidSettings => new()
    {
        { "BreadcrumbKafkaOptions.BootstrapServers", _ => { } },
        { "BreadcrumbKafkaOptions.BootstrapServers", o => o.BootstrapServers = "   " },
        { "BreadcrumbKafkaOptions.BootstrapServers", o => o.BootstrapServers = "localhost" },
        { "BreadcrumbKafkaOptions.BootstrapServers", o => o.BootstrapServers = "localhost:99999" },
        { "BreadcrumbKafkaOptions.ConfigFile", o => o.ConfigFile = "/no/such/dir/librdkafka.config" },
        { "BreadcrumbKafkaOptions.Properties", o => { o.BootstrapServers = "localhost:9092"; o.Properties["bootstrap.servers"] = "other:9092"; } },
        { "BreadcrumbKafkaOptions.Properties", o => { o.BootstrapServers = "localhost:9092"; o.Properties[" "] = "x"; } },
        { "BreadcrumbKafkaOptions.Topic", o => { o.BootstrapServers = "localhost:9092"; o.Topic = "bad topic"; } },
        { "BreadcrumbKafkaOptions.Topic", o => { o.BootstrapServers = "localhost:9092"; o.Topic = string.Empty; } },
        { "BreadcrumbKafkaOptions.GroupId", o => { o.BootstrapServers = "localhost:9092"; o.GroupId = " "; } },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void AddBreadcrumbKafka_InvalidSetting_ErrorNamesTheSetting(string setting, Action<BreadcrumbKafkaOptions> configure)
    {
        var act = () => new ServiceCollection().AddBreadcrumbKafka(configure);

        act.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(setting);
    }

    [Fact]
    public void AddBreadcrumbKafka_NoBootstrapAddress_SaysHowToFix()
    {
        var act = () => new ServiceCollection().AddBreadcrumbKafka(_ => { });

        act.Should().Throw<ArgumentException>().WithMessage(
            "BreadcrumbKafkaOptions.BootstrapServers is missing: set it (e.g. \"localhost:9092\"), or set BreadcrumbKafkaOptions.ConfigFile " +
            "to a librdkafka.config file, or BreadcrumbKafkaOptions.Connection.");
    }

    [Fact]
    public void AddBreadcrumbKafka_BootstrapWithoutPort_ShowsValueAndExample()
    {
        var act = () => new ServiceCollection().AddBreadcrumbKafka(o => o.BootstrapServers = "localhost");

        act.Should().Throw<ArgumentException>().WithMessage(
            "BreadcrumbKafkaOptions.BootstrapServers has 'localhost', which is not host:port with a port from 1 to 65535 (e.g. 'localhost:9092').");
    }

    [Fact]
    public void AddBreadcrumbKafka_BootstrapAndConfigFile_NamesBoth()
    {
        var act = () => new ServiceCollection().AddBreadcrumbKafka(o =>
        {
            o.BootstrapServers = "localhost:9092";
            o.ConfigFile = "librdkafka.config";
        });

        act.Should().Throw<ArgumentException>().WithMessage(
            "BreadcrumbKafkaOptions: set only one of BootstrapServers, ConfigFile and Connection (found BootstrapServers and ConfigFile).");
    }

    [Fact]
    public void AddBreadcrumbKafka_MissingConfigFile_NamesSettingAndPath()
    {
        var path = Path.Combine(directory, "librdkafka.config");

        var act = () => new ServiceCollection().AddBreadcrumbKafka(o => o.ConfigFile = path);

        act.Should().Throw<ArgumentException>().WithMessage($"BreadcrumbKafkaOptions.ConfigFile ('{path}') cannot be used: *{path}*");
    }

    [Fact]
    public void AddBreadcrumbKafka_ConfigFileWithoutBootstrap_NamesSettingAndFileProblem()
    {
        var path = Path.Combine(directory, "librdkafka.config");
        File.WriteAllText(path, "# Confluent Cloud\nsecurity.protocol=SASL_SSL\n");

        var act = () => new ServiceCollection().AddBreadcrumbKafka(o => o.ConfigFile = path);

        act.Should().Throw<ArgumentException>().WithMessage($"BreadcrumbKafkaOptions.ConfigFile ('{path}') cannot be used: *bootstrap.servers*");
    }

    [Fact]
    public void AddBreadcrumbKafka_SeveralProblems_ListsEach()
    {
        var act = () => new ServiceCollection().AddBreadcrumbKafka(o =>
        {
            o.Topic = "bad topic";
            o.GroupId = string.Empty;
        });

        var message = act.Should().Throw<ArgumentException>().Which.Message;
        message.Should().StartWith("BreadcrumbKafkaOptions has 3 problems:");
        message.Should().Contain("- BreadcrumbKafkaOptions.BootstrapServers is missing")
            .And.Contain("- BreadcrumbKafkaOptions.Topic 'bad topic' contains ' '")
            .And.Contain("- BreadcrumbKafkaOptions.GroupId is blank");
    }

    [Fact]
    public void AddBreadcrumbKafka_CalledTwice_Throws()
    {
        var services = new ServiceCollection().AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092");

        var act = () => services.AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9093");

        act.Should().Throw<InvalidOperationException>().WithMessage("AddBreadcrumbKafka was already called*");
    }

    [Fact]
    public void AddBreadcrumbKafka_InvalidOptions_ConfigureRunsOnceAndNothingIsRegistered()
    {
        var services = new ServiceCollection();
        var calls = 0;

        var act = () => services.AddBreadcrumbKafka(_ => calls++);

        act.Should().Throw<ArgumentException>();
        calls.Should().Be(1);
        services.Should().BeEmpty();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
