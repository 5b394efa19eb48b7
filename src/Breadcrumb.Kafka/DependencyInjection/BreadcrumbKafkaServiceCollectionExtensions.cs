using Breadcrumb.Kafka;
using Breadcrumb.Kafka.DependencyInjection;
using Breadcrumb.Kafka.Topics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Breadcrumb.Kafka in an <see cref="IServiceCollection"/>: connections, the client factory and hosted handlers.</summary>
public static partial class BreadcrumbKafkaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BreadcrumbKafkaOptions"/> (validated when the host starts), the default <see cref="KafkaConnection"/>
    /// and a <see cref="BreadcrumbKafkaClientFactory"/>, all singletons.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets where to connect and the client defaults; runs when the options are first needed.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// Calling it again is safe: the configurations add up, in order, and nothing is registered twice. A bad setting
    /// fails the host at start (<c>ValidateOnStart</c>) with an <see cref="OptionsValidationException"/> naming each setting.
    /// </remarks>
    /// <example>
    /// <code>
    /// services.AddBreadcrumbKafka(options =>
    /// {
    ///     options.BootstrapServers = "localhost:9092";
    ///     options.Topic = "orders";
    ///     options.GroupId = "order-handlers";
    /// });
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddBreadcrumbKafka(this IServiceCollection services, Action<BreadcrumbKafkaOptions> configure) =>
        services.AddBreadcrumbKafka(Options.Options.DefaultName, configure);

    /// <summary>Registers a named connection (named client): <see cref="BreadcrumbKafkaClientFactory.GetConnection(string?)"/>
    /// and the keyed <see cref="KafkaConnection"/> service of that name.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The connection's name, for example <c>"analytics"</c>.</param>
    /// <param name="configure">Sets where to connect and the client defaults.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddBreadcrumbKafka(this IServiceCollection services, string name, Action<BreadcrumbKafkaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BreadcrumbKafkaOptions>(name).Configure(configure).ValidateOnStart();
        return AddCore(services, name);
    }

    /// <summary>
    /// Registers Breadcrumb.Kafka from a configuration section (for example <c>"Kafka"</c> in appsettings.json), then
    /// applies <paramref name="configure"/>; see <see cref="AddBreadcrumbKafka(IServiceCollection, Action{BreadcrumbKafkaOptions})"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section: keys <c>BootstrapServers</c>, <c>ConfigFile</c> (a librdkafka.config file),
    /// <c>Topic</c>, <c>GroupId</c> and a <c>Properties</c> object of librdkafka settings.</param>
    /// <param name="configure">Adjusts the options after they are read; optional.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>A key that is not a setting (a typo) fails validation with the key's path and the known settings.</remarks>
    /// <example>
    /// <code>
    /// // appsettings.json: { "Kafka": { "BootstrapServers": "localhost:9092", "Topic": "orders", "Properties": { "client.id": "shop" } } }
    /// builder.Services.AddBreadcrumbKafka(builder.Configuration.GetSection("Kafka"));
    /// </code>
    /// </example>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddBreadcrumbKafka(
        this IServiceCollection services, IConfiguration configuration, Action<BreadcrumbKafkaOptions>? configure = null) =>
        services.AddBreadcrumbKafka(Options.Options.DefaultName, configuration, configure);

    /// <summary>Registers a named connection from a configuration section; see <see cref="AddBreadcrumbKafka(IServiceCollection, IConfiguration, Action{BreadcrumbKafkaOptions}?)"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The connection's name.</param>
    /// <param name="configuration">The section.</param>
    /// <param name="configure">Adjusts the options after they are read; optional.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddBreadcrumbKafka(
        this IServiceCollection services, string name, IConfiguration configuration, Action<BreadcrumbKafkaOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BreadcrumbKafkaOptions>(name)
            .Configure(options =>
            {
                BreadcrumbKafkaConfigurationBinder.Bind(configuration, options);
                configure?.Invoke(options);
            })
            .ValidateOnStart();
        return AddCore(services, name);
    }

    private static IServiceCollection AddCore(IServiceCollection services, string name)
    {
        services.AddOptions();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BreadcrumbKafkaOptions>, BreadcrumbKafkaOptionsValidation>());
        services.TryAddSingleton(provider => new BreadcrumbKafkaClientFactory(
            provider.GetRequiredService<IOptionsMonitor<BreadcrumbKafkaOptions>>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IRecordDeleter>(),
            provider.GetService<IStoredBytesReporter>()));
        if (name == Options.Options.DefaultName)
        {
            services.TryAddSingleton(provider => provider.GetRequiredService<BreadcrumbKafkaClientFactory>().Connection);
        }

        if (!services.Any(d => d.ServiceType == typeof(KafkaConnection) && d.IsKeyedService && Equals(d.ServiceKey, name)))
        {
            services.AddKeyedSingleton(name, (provider, _) => provider.GetRequiredService<BreadcrumbKafkaClientFactory>().GetConnection(name));
        }

        return services;
    }
}
