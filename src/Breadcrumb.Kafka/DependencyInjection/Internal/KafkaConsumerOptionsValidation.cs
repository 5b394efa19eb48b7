using Breadcrumb.Kafka.Consuming;
using Microsoft.Extensions.Options;

namespace Breadcrumb.Kafka.DependencyInjection;

/// <summary>Validates a hosted handler's <see cref="KafkaConsumerOptions{TKey, TValue}"/> (only the names registered for handlers).</summary>
internal sealed class KafkaConsumerOptionsValidation<TKey, TValue>(string name) : IValidateOptions<KafkaConsumerOptions<TKey, TValue>>
{
    public ValidateOptionsResult Validate(string? optionsName, KafkaConsumerOptions<TKey, TValue> options)
    {
        if (!string.Equals(optionsName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = ConsumerSetup<TKey, TValue>.Validate(options);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"Kafka handler '{name}': {p}"));
    }
}
