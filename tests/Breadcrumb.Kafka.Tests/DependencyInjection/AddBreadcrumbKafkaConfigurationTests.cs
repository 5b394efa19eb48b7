using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Breadcrumb.Kafka.Tests.DependencyInjection;

public sealed class AddBreadcrumbKafkaConfigurationTests
{
    [Fact]
    public void AddBreadcrumbKafka_Section_BindsEverySetting()
    {
        var section = Section(new()
        {
            ["Kafka:BootstrapServers"] = "localhost:9092",
            ["Kafka:Topic"] = "breadcrumbs",
            ["Kafka:GroupId"] = "dashboard",
            ["Kafka:Properties:client.id"] = "lab",
            ["Kafka:Properties:linger.ms"] = "5",
        });
        using var provider = new ServiceCollection().AddBreadcrumbKafka(section).BuildServiceProvider();

        var sut = provider.GetRequiredService<KafkaConnection>();

        sut.BootstrapServers.Should().Be("localhost:9092");
        sut.Properties.Should().Contain("client.id", "lab").And.Contain("linger.ms", "5");
    }

    [Fact]
    public void AddBreadcrumbKafka_ConfigureAfterSection_Wins()
    {
        var section = Section(new() { ["Kafka:BootstrapServers"] = "localhost:9092" });
        using var provider = new ServiceCollection()
            .AddBreadcrumbKafka(section, o => o.BootstrapServers = "localhost:9093")
            .BuildServiceProvider();

        provider.GetRequiredService<KafkaConnection>().BootstrapServers.Should().Be("localhost:9093");
    }

    [Fact]
    public void AddBreadcrumbKafka_MisspelledKey_NamesKeyAndKnownSettings()
    {
        var section = Section(new() { ["Kafka:BootstrapServer"] = "localhost:9092" });

        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(section));

        // The typo is listed with what it left missing.
        act.Should().Throw<OptionsValidationException>().WithMessage(
            "BreadcrumbKafkaOptions has 2 problems (from configuration section 'Kafka'):*" +
            "- Configuration key 'Kafka:BootstrapServer' is not a BreadcrumbKafkaOptions setting: use one of BootstrapServers, ConfigFile, Topic, GroupId, Properties.*" +
            "- BreadcrumbKafkaOptions.BootstrapServers is missing*");
    }

    [Fact]
    public void AddBreadcrumbKafka_MissingSection_NamesSettingAndSection()
    {
        var section = Section(new() { ["Other:Key"] = "x" });

        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(section));

        act.Should().Throw<OptionsValidationException>().WithMessage(
            "BreadcrumbKafkaOptions.BootstrapServers is missing: * (from configuration section 'Kafka')");
    }

    [Fact]
    public void AddBreadcrumbKafka_InvalidValueInSection_NamesSettingAndSection()
    {
        var section = Section(new() { ["Kafka:BootstrapServers"] = "localhost:9092", ["Kafka:Topic"] = "no/slashes" });

        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(section));

        act.Should().Throw<OptionsValidationException>().WithMessage(
            "BreadcrumbKafkaOptions.Topic 'no/slashes' contains '/'; * (from configuration section 'Kafka')");
    }

    [Fact]
    public void AddBreadcrumbKafka_PropertyWithChildren_NamesKey()
    {
        var section = Section(new() { ["Kafka:BootstrapServers"] = "localhost:9092", ["Kafka:Properties:sasl:username"] = "u" });

        var act = () => Resolve(new ServiceCollection().AddBreadcrumbKafka(section));

        act.Should().Throw<OptionsValidationException>().WithMessage("Configuration key 'Kafka:Properties:sasl' has no value*");
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Kafka");

    private static KafkaConnection Resolve(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<KafkaConnection>();
    }
}
