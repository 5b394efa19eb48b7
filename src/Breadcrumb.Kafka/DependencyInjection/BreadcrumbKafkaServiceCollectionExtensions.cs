using Breadcrumb.Kafka.Topics;
using Breadcrumb.Kafka.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Breadcrumb.Kafka;

/// <summary>Registers Breadcrumb.Kafka in an <see cref="IServiceCollection"/>.</summary>
public static class BreadcrumbKafkaServiceCollectionExtensions
{
    /// <summary>
    /// Registers a validated <see cref="KafkaConnection"/> and a <see cref="BreadcrumbKafkaClientFactory"/> (both singletons)
    /// that creates producers, consumers, topic cleaners and inspectors, and transactional producers on it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets where to connect and the client defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// <paramref name="configure"/> runs once, now, and the options are validated now (a <see cref="BreadcrumbKafkaOptions.ConfigFile"/>
    /// is read now): a bad setting fails the application at start, not at the first send. Clients log to the container's
    /// <see cref="ILoggerFactory"/> if one is registered.
    /// </remarks>
    /// <example>
    /// <code>
    /// services.AddBreadcrumbKafka(options =>
    /// {
    ///     options.BootstrapServers = "localhost:9092";
    ///     options.Topic = "breadcrumbs";
    ///     options.GroupId = "dashboard";
    /// });
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names each one, e.g.
    /// "BreadcrumbKafkaOptions.BootstrapServers is missing: set it …".</exception>
    /// <exception cref="InvalidOperationException"><c>AddBreadcrumbKafka</c> was already called on <paramref name="services"/>.</exception>
    public static IServiceCollection AddBreadcrumbKafka(this IServiceCollection services, Action<BreadcrumbKafkaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new BreadcrumbKafkaOptions();
        configure(options);
        return Register(services, options, origin: null);
    }

    /// <summary>
    /// Registers Breadcrumb.Kafka from a configuration section (for example <c>"Kafka"</c> in appsettings.json), then
    /// applies <paramref name="configure"/>; see <see cref="AddBreadcrumbKafka(IServiceCollection, Action{BreadcrumbKafkaOptions})"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section: keys <c>BootstrapServers</c>, <c>ConfigFile</c>, <c>Topic</c>, <c>GroupId</c>
    /// and a <c>Properties</c> object of librdkafka settings.</param>
    /// <param name="configure">Adjusts the options after they are read; optional.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <example>
    /// <code>
    /// // appsettings.json: { "Kafka": { "BootstrapServers": "localhost:9092", "Topic": "breadcrumbs", "Properties": { "client.id": "dashboard" } } }
    /// builder.Services.AddBreadcrumbKafka(builder.Configuration.GetSection("Kafka"));
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A key is not a setting, or a setting is missing or invalid; the message names the key or setting and the section.</exception>
    /// <exception cref="InvalidOperationException"><c>AddBreadcrumbKafka</c> was already called on <paramref name="services"/>.</exception>
    public static IServiceCollection AddBreadcrumbKafka(
        this IServiceCollection services, IConfiguration configuration, Action<BreadcrumbKafkaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new BreadcrumbKafkaOptions();
        BreadcrumbKafkaConfigurationBinder.Bind(configuration, options);
        configure?.Invoke(options);
        return Register(services, options, BreadcrumbKafkaConfigurationBinder.DescribeOrigin(configuration));
    }

    internal static IServiceCollection Register(IServiceCollection services, BreadcrumbKafkaOptions options, string? origin)
    {
        if (services.Any(d => d.ServiceType == typeof(BreadcrumbKafkaClientFactory)))
        {
            throw new InvalidOperationException(
                "AddBreadcrumbKafka was already called on this service collection: configure Breadcrumb.Kafka in one call.");
        }

        var connection = BreadcrumbKafkaOptionsValidator.Validate(options, origin);
        var topic = options.Topic;
        var groupId = options.GroupId;
        services.AddSingleton(provider => connection.WithLoggerFactory(provider.GetService<ILoggerFactory>()));
        services.AddSingleton(provider => new BreadcrumbKafkaClientFactory(
            provider.GetRequiredService<KafkaConnection>(),
            topic,
            groupId,
            provider.GetService<IRecordDeleter>(),
            provider.GetService<IStoredBytesReporter>()));
        return services;
    }
}
