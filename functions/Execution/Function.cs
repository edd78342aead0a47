using Alchemiser.Core.Hosting;
using Alchemiser.Core.Logging;
using Alchemiser.Lambda;

namespace Alchemiser.Execution;

/// <summary>
/// Lambda entry point (<c>Alchemiser.Execution::Alchemiser.Execution.Function::HandleAsync</c>): an SQS batch from the
/// execution queue in, each RebalancePlanned executed one at a time, the partial batch response out (failed records are
/// redelivered). A record that fails on its last receive first gets a WorkflowFailed, since the queue moves it to the
/// dead-letter queue next.
/// </summary>
public sealed class Function(ExecutionService service, IAlchemiserLog log)
{
    /// <summary>The function's name on every log line.</summary>
    public const string Name = "Execution";

    /// <summary>Lambda's constructor: Alpaca, the ledger table, the bus and the queue's receive limit, from the environment.</summary>
    public Function()
        : this(LambdaServices.FromEnvironment())
    {
    }

    /// <summary>Composes the function the way Lambda does, from <paramref name="services"/>.</summary>
    public Function(LambdaServices services)
        : this(Compose(services), services.Log)
    {
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var batch = await LambdaStreams.ReadSqsBatchAsync(input).ConfigureAwait(false);
        var functionLog = log.WithFunction(Name);
        var response = await SqsBatchProcessor.ProcessAsync(
            batch,
            async (delivery, cancellationToken) =>
            {
                var result = await service.HandleAsync(delivery.Envelope, cancellationToken).ConfigureAwait(false);
                functionLog.WithCorrelation(delivery.Envelope.CorrelationId).Info(
                    "rebalance executed",
                    ("event_id", delivery.Envelope.EventId),
                    ("message_id", delivery.Message.MessageId),
                    ("orders_placed", result.Report.OrdersPlaced),
                    ("orders_filled", result.Report.OrdersFilled),
                    ("orders_failed", result.Report.OrdersFailed),
                    ("outcome", result.Published[^1].EventType));
            },
            onFailureAsync: (message, error, cancellationToken) => ReportAsync(functionLog, message, error, cancellationToken)).ConfigureAwait(false);
        return LambdaStreams.WriteSqsBatchResponse(response);
    }

    private async Task ReportAsync(IAlchemiserLog functionLog, SqsMessage message, Exception error, CancellationToken cancellationToken)
    {
        var runLog = functionLog.WithCorrelation(DeadLetterFailure.CorrelationIdOf(message));
        var last = DeadLetterFailure.IsLastReceive(message, service.Settings.MaxReceiveCount);
        runLog.Error(
            error,
            last ? "execution failed on the message's last receive; the queue moves it to the ExecutionDLQ" : "execution failed; the queue will redeliver the message",
            ("message_id", message.MessageId),
            ("receive_count", message.ApproximateReceiveCount));
        try
        {
            if (await service.ReportFailedDeliveryAsync(message, error, CancellationToken.None).ConfigureAwait(false) is { } failed)
            {
                runLog.Info("run failed", ("event_id", failed.EventId), ("message_id", message.MessageId));
            }
        }
#pragma warning disable CA1031 // The record is reported as failed either way; a publish failure is only logged.
        catch (Exception publishError)
#pragma warning restore CA1031
        {
            runLog.Error(publishError, "could not publish WorkflowFailed for the dead-lettered message", ("message_id", message.MessageId));
        }
    }

    private static ExecutionService Compose(LambdaServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = new ExecutionSettings { MaxReceiveCount = services.Environment.Integer(LambdaVariables.MaxReceiveCount, 3) };
        return new ExecutionService(services.Broker(), services.Ledger(), services.Publisher(), services.Clock, services.Delay, settings);
    }
}
