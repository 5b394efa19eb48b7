using Microsoft.Extensions.Options;

namespace Breadcrumb.Kafka.DependencyInjection;

/// <summary>Validates every named <see cref="BreadcrumbKafkaOptions"/> with the same messages as direct validation.</summary>
internal sealed class BreadcrumbKafkaOptionsValidation : IValidateOptions<BreadcrumbKafkaOptions>
{
    public ValidateOptionsResult Validate(string? name, BreadcrumbKafkaOptions options)
    {
        var (connection, message) = BreadcrumbKafkaOptionsValidator.TryValidate(options, options.Origin);
        return connection is null ? ValidateOptionsResult.Fail(message!) : ValidateOptionsResult.Success;
    }
}
