using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.Http;

/// <summary>
/// AWS's JSON protocols (1.0 for SQS, 1.1 for EventBridge and Secrets Manager): the request is the operation's input
/// as JSON, the operation is named in <c>X-Amz-Target: {prefix}.{operation}</c>.
/// </summary>
public static class AwsJsonProtocol
{
    /// <summary>Content type of the JSON 1.0 protocol (SQS).</summary>
    public const string Json10 = "application/x-amz-json-1.0";

    /// <summary>Content type of the JSON 1.1 protocol (EventBridge, Secrets Manager).</summary>
    public const string Json11 = "application/x-amz-json-1.1";

    /// <summary>Calls <paramref name="operation"/> with <paramref name="input"/> and reads its output.</summary>
    public static async Task<TOutput> CallAsync<TInput, TOutput>(
        AwsHttpClient client,
        string service,
        string contentType,
        string targetPrefix,
        string operation,
        TInput input,
        JsonTypeInfo<TInput> inputType,
        JsonTypeInfo<TOutput> outputType,
        ErrorCategory errorCategory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = JsonSerializer.SerializeToUtf8Bytes(input, inputType);
        var response = await client.SendAsync(
            new AwsOperation(service, operation, contentType, body, $"{targetPrefix}.{operation}", errorCategory), cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(response) ? "{}" : response, outputType)
                ?? throw new JsonException("the response is JSON null");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException(service, operation, 200, "MalformedResponse", $"the response could not be read: {e.Message}", errorCategory, e);
        }
    }
}
