using Breadcrumb.Kafka.Broker.Protocol.Messages;
using Breadcrumb.Kafka.Broker.Server;

namespace Breadcrumb.Kafka.Broker.Handlers;

/// <summary>Serves one API key: makes an empty request to read into, and answers it (null: no response, as for acks=0).</summary>
internal interface IApiHandler
{
    short ApiKey { get; }

    IKafkaMessage CreateRequest();

    ValueTask<IKafkaMessage?> HandleAsync(RequestContext context, IKafkaMessage request);
}

/// <summary>A handler that answers at once.</summary>
internal abstract class ApiHandler<TRequest, TResponse> : IApiHandler
    where TRequest : IKafkaMessage, new()
    where TResponse : IKafkaMessage
{
    public short ApiKey { get; } = new TRequest().ApiKey;

    public IKafkaMessage CreateRequest() => new TRequest();

    public ValueTask<IKafkaMessage?> HandleAsync(RequestContext context, IKafkaMessage request) =>
        new(Handle(context, (TRequest)request));

    protected abstract TResponse? Handle(RequestContext context, TRequest request);
}

/// <summary>A handler that may wait (a fetch holding for data, a join waiting for the group).</summary>
internal abstract class AsyncApiHandler<TRequest, TResponse> : IApiHandler
    where TRequest : IKafkaMessage, new()
    where TResponse : IKafkaMessage
{
    public short ApiKey { get; } = new TRequest().ApiKey;

    public IKafkaMessage CreateRequest() => new TRequest();

    public ValueTask<IKafkaMessage?> HandleAsync(RequestContext context, IKafkaMessage request)
    {
        var pending = HandleAsync(context, (TRequest)request);
        return pending.IsCompletedSuccessfully ? new(pending.GetAwaiter().GetResult()) : Await(pending);
    }

    protected abstract ValueTask<TResponse> HandleAsync(RequestContext context, TRequest request);

    private static async ValueTask<IKafkaMessage?> Await(ValueTask<TResponse> pending) => await pending.ConfigureAwait(false);
}
