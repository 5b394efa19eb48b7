using Breadcrumb.Kafka.Consuming;
using Breadcrumb.Kafka.DependencyInjection;
using Breadcrumb.Kafka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <content>Hosted handlers.</content>
public static partial class BreadcrumbKafkaServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> (scoped) and a hosted <see cref="KafkaHandlerService{TKey, TValue}"/> that
    /// feeds it records one at a time, committing each after it is handled.
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="services">The service collection; <c>AddBreadcrumbKafka</c> registers the connection.</param>
    /// <param name="configure">Sets deserializers, retries and the dead-letter topic; topics and group id default to the connection's.</param>
    /// <param name="configuration">A section to bind first (<c>Topics</c>, <c>GroupId</c>, <c>MaxBatchSize</c>, <c>RetryCount</c>, <c>RetryDelay</c>, <c>DeadLetterTopic</c>, …); optional.</param>
    /// <param name="connectionName">The named connection to read from; <see langword="null"/> for the default.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <remarks>The options are named after the handler type and validated when the host starts. Registering the same
    /// handler again adds its configuration and registers nothing twice. Resolve <see cref="KafkaHandlerService{TKey, TValue}"/>
    /// keyed by the handler type's full name to pause, resume or read its lag.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddKafkaHandler<THandler, TKey, TValue>(
        this IServiceCollection services,
        Action<KafkaConsumerOptions<TKey, TValue>> configure,
        IConfiguration? configuration = null,
        string? connectionName = null)
        where THandler : class, IRecordHandler<TKey, TValue> =>
        AddHandler<THandler, TKey, TValue>(services, configure, configuration, connectionName, HandlerInvoker<TKey, TValue>.ForRecords<THandler>());

    /// <summary>
    /// Registers <typeparamref name="THandler"/> (scoped) and a hosted <see cref="KafkaHandlerService{TKey, TValue}"/> that
    /// feeds it batches of up to <see cref="KafkaConsumerOptions{TKey, TValue}.MaxBatchSize"/> records, committing each batch after it is handled.
    /// </summary>
    /// <typeparam name="THandler">The batch handler.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="services">The service collection; <c>AddBreadcrumbKafka</c> registers the connection.</param>
    /// <param name="configure">Sets deserializers, batch size, retries and the dead-letter topic.</param>
    /// <param name="configuration">A section to bind first; optional.</param>
    /// <param name="connectionName">The named connection to read from; <see langword="null"/> for the default.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddKafkaBatchHandler<THandler, TKey, TValue>(
        this IServiceCollection services,
        Action<KafkaConsumerOptions<TKey, TValue>> configure,
        IConfiguration? configuration = null,
        string? connectionName = null)
        where THandler : class, IBatchHandler<TKey, TValue> =>
        AddHandler<THandler, TKey, TValue>(services, configure, configuration, connectionName, HandlerInvoker<TKey, TValue>.ForBatches<THandler>());

    private static IServiceCollection AddHandler<THandler, TKey, TValue>(
        IServiceCollection services,
        Action<KafkaConsumerOptions<TKey, TValue>> configure,
        IConfiguration? configuration,
        string? connectionName,
        HandlerInvoker<TKey, TValue> invoker)
        where THandler : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var name = typeof(THandler).FullName ?? typeof(THandler).Name;
        services.AddOptions<KafkaConsumerOptions<TKey, TValue>>(name)
            .Configure<BreadcrumbKafkaClientFactory>((options, factory) =>
            {
                if (configuration is not null)
                {
                    KafkaConsumerOptionsBinder.Bind(configuration, options);
                }

                configure(options);
                factory.Fill(options, connectionName);
            })
            .ValidateOnStart();
        if (services.Any(d => d.ServiceType == typeof(KafkaHandlerService<TKey, TValue>) && d.IsKeyedService && Equals(d.ServiceKey, name)))
        {
            return services;
        }

        services.AddOptions();
        services.TryAddScoped<THandler>();
        services.AddSingleton<IValidateOptions<KafkaConsumerOptions<TKey, TValue>>>(new KafkaConsumerOptionsValidation<TKey, TValue>(name));
        services.AddKeyedSingleton(name, (provider, _) => new KafkaHandlerService<TKey, TValue>(
            name,
            () => provider.GetRequiredService<BreadcrumbKafkaClientFactory>().GetConnection(connectionName),
            () => provider.GetRequiredService<IOptionsMonitor<KafkaConsumerOptions<TKey, TValue>>>().Get(name),
            invoker,
            provider.GetRequiredService<IServiceScopeFactory>(),
            provider.GetService<ILoggerFactory>()));
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredKeyedService<KafkaHandlerService<TKey, TValue>>(name));
        return services;
    }
}
