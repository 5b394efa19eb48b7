using Breadcrumb.Kafka.Logging;
using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Breadcrumb.Kafka.DependencyInjection;

/// <summary>
/// Checks that the Kafka cluster is reachable with the registered settings: healthy when a broker answers a metadata
/// request within 5 seconds.
/// </summary>
/// <remarks>
/// Add it with <c>services.AddHealthChecks().AddCheck&lt;BreadcrumbKafkaHealthCheck&gt;("kafka")</c>, or for a named
/// connection <c>.AddTypeActivatedCheck&lt;BreadcrumbKafkaHealthCheck&gt;("kafka-analytics", "analytics")</c>.
/// Invalid options report the validation message instead of throwing.
/// </remarks>
/// <param name="factory">The registered client factory.</param>
/// <param name="connectionName">The named connection to check; <see langword="null"/> for the default.</param>
public sealed class BreadcrumbKafkaHealthCheck(BreadcrumbKafkaClientFactory factory, string? connectionName = null) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>Asks the cluster for its metadata.</summary>
    /// <param name="context">The check's registration (its failure status).</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>Healthy with the broker count, or the registration's failure status with what to check.</returns>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failure = context.Registration.FailureStatus;
        KafkaConnection kafka;
        try
        {
            kafka = factory.GetConnection(connectionName);
        }
        catch (OptionsValidationException ex)
        {
            return new HealthCheckResult(failure, $"Kafka options are invalid: {ex.Message}", ex);
        }

        try
        {
            // Metadata requests block: keep them off the caller's thread.
            var brokers = await Task.Run(
                () =>
                {
                    using var admin = new AdminClientBuilder(kafka.CreateAdminConfig())
                        .WithLogging(kafka.CreateLogger("Breadcrumb.Kafka.DependencyInjection.BreadcrumbKafkaHealthCheck"))
                        .Build();
                    return admin.GetMetadata(Timeout).Brokers.Count;
                },
                cancellationToken).ConfigureAwait(false);
            return brokers > 0
                ? HealthCheckResult.Healthy($"Kafka at {kafka.BootstrapServers}: {brokers} broker(s) answered.")
                : new HealthCheckResult(failure, $"Kafka at {kafka.BootstrapServers} answered with no brokers.");
        }
        catch (KafkaException ex)
        {
            return new HealthCheckResult(
                failure,
                $"Kafka at {kafka.BootstrapServers} did not answer within {Timeout.TotalSeconds:0} s ({ex.Error.Code}: {ex.Error.Reason}). " +
                "Check bootstrap.servers, the network and the credentials.",
                ex);
        }
    }
}
