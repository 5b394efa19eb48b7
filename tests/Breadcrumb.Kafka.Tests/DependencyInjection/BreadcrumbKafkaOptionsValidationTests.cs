using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Breadcrumb.Kafka.Tests.DependencyInjection;

/// <summary>Issues 8 and 20: each invalid setting names itself in the error, when the options are validated (host start, or first use).</summary>
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
        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(configure));

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().StartWith(setting);
    }

    [Fact]
    public void AddBreadcrumbKafka_NoBootstrapAddress_SaysHowToFix()
    {
        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(_ => { }));

        act.Should().Throw<OptionsValidationException>().WithMessage(
            "BreadcrumbKafkaOptions.BootstrapServers is missing: set it (e.g. \"localhost:9092\"), or set BreadcrumbKafkaOptions.ConfigFile " +
            "to a librdkafka.config file, or BreadcrumbKafkaOptions.Connection.");
    }

    [Fact]
    public void AddBreadcrumbKafka_BootstrapWithoutPort_ShowsValueAndExample()
    {
        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(o => o.BootstrapServers = "localhost"));

        act.Should().Throw<OptionsValidationException>().WithMessage(
            "BreadcrumbKafkaOptions.BootstrapServers has 'localhost', which is not host:port with a port from 1 to 65535 (e.g. 'localhost:9092').");
    }

    [Fact]
    public void AddBreadcrumbKafka_BootstrapAndConfigFile_NamesBoth()
    {
        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(o =>
        {
            o.BootstrapServers = "localhost:9092";
            o.ConfigFile = "librdkafka.config";
        }));

        act.Should().Throw<OptionsValidationException>().WithMessage(
            "BreadcrumbKafkaOptions: set only one of BootstrapServers, ConfigFile and Connection (found BootstrapServers and ConfigFile).");
    }

    [Fact]
    public void AddBreadcrumbKafka_MissingConfigFile_NamesSettingAndPath()
    {
        var path = Path.Combine(directory, "librdkafka.config");

        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(o => o.ConfigFile = path));

        act.Should().Throw<OptionsValidationException>().WithMessage($"BreadcrumbKafkaOptions.ConfigFile ('{path}') cannot be used: *{path}*");
    }

    [Fact]
    public void AddBreadcrumbKafka_ConfigFileWithoutBootstrap_NamesSettingAndFileProblem()
    {
        var path = Path.Combine(directory, "librdkafka.config");
        File.WriteAllText(path, "# Confluent Cloud\nsecurity.protocol=SASL_SSL\n");

        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(o => o.ConfigFile = path));

        act.Should().Throw<OptionsValidationException>().WithMessage($"BreadcrumbKafkaOptions.ConfigFile ('{path}') cannot be used: *bootstrap.servers*");
    }

    [Fact]
    public void AddBreadcrumbKafka_SeveralProblems_ListsEach()
    {
        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(o =>
        {
            o.Topic = "bad topic";
            o.GroupId = string.Empty;
        }));

        var message = act.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().StartWith("BreadcrumbKafkaOptions has 3 problems:");
        message.Should().Contain("- BreadcrumbKafkaOptions.BootstrapServers is missing")
            .And.Contain("- BreadcrumbKafkaOptions.Topic 'bad topic' contains ' '")
            .And.Contain("- BreadcrumbKafkaOptions.GroupId is blank");
    }

    [Fact]
    public void AddBreadcrumbKafka_CalledTwice_ConfigurationsAddUpAndNothingIsRegisteredTwice_Issue20()
    {
        var services = new ServiceCollection()
            .AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092")
            .AddBreadcrumbKafka(o => o.Topic = "orders");
        var count = services.Count;
        services.AddBreadcrumbKafka(o => o.GroupId = "shop");
        using var provider = services.BuildServiceProvider();

        var sut = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

        services.Count.Should().Be(count + 2, "a third call adds only its Configure and ValidateOnStart entries");
        sut.Connection.BootstrapServers.Should().Be("localhost:9092");
        sut.DefaultTopic.Should().Be("orders");
        sut.DefaultGroupId.Should().Be("shop");
        provider.GetRequiredService<KafkaConnection>().Should().BeSameAs(sut.Connection);
    }

    [Fact]
    public void AddBreadcrumbKafka_Named_ResolvesByNameAndAsKeyedService()
    {
        using var provider = new ServiceCollection()
            .AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092")
            .AddBreadcrumbKafka("analytics", o => o.BootstrapServers = "analytics:9093")
            .BuildServiceProvider();

        var sut = provider.GetRequiredService<BreadcrumbKafkaClientFactory>();

        sut.GetConnection("analytics").BootstrapServers.Should().Be("analytics:9093");
        provider.GetRequiredKeyedService<KafkaConnection>("analytics").Should().BeSameAs(sut.GetConnection("analytics"));
        sut.Connection.BootstrapServers.Should().Be("localhost:9092");
    }

    [Fact]
    public void GetConnection_UnregisteredName_ErrorNamesTheSetting()
    {
        using var provider = new ServiceCollection().AddBreadcrumbKafka(o => o.BootstrapServers = "localhost:9092").BuildServiceProvider();

        var act = () => provider.GetRequiredService<BreadcrumbKafkaClientFactory>().GetConnection("nope");

        act.Should().Throw<OptionsValidationException>().WithMessage("BreadcrumbKafkaOptions.BootstrapServers is missing*");
    }

    [Fact]
    public void AddBreadcrumbKafka_InvalidOptions_NothingRunsUntilTheOptionsAreNeeded()
    {
        var services = new ServiceCollection();
        var calls = 0;

        services.AddBreadcrumbKafka(_ => calls++);
        using var provider = services.BuildServiceProvider();
        calls.Should().Be(0, "options are built when first needed (at host start with ValidateOnStart)");
        var act = () => provider.GetRequiredService<KafkaConnection>();

        act.Should().Throw<OptionsValidationException>();
        calls.Should().Be(1);
    }

    private static KafkaConnection Resolve(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<KafkaConnection>();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
