using System.Globalization;
using Alchemiser.Core.Errors;

namespace Alchemiser.Aws.Http;

/// <summary>
/// An AWS call that failed for good (after any retries): which service and operation, the HTTP status (0 when no
/// response came: timeout or network error), AWS's error code and message. Never carries credentials or signatures.
/// </summary>
public class AwsServiceException : AlchemiserException
{
    /// <summary>A failure of <paramref name="operation"/> on <paramref name="service"/>.</summary>
    public AwsServiceException(
        string service, string operation, int statusCode, string errorCode, string awsMessage, ErrorCategory category = ErrorCategory.Configuration, Exception? inner = null)
        : base(
            category,
            string.Create(CultureInfo.InvariantCulture, $"{service} {operation} failed: {(statusCode == 0 ? "no response" : $"HTTP {statusCode}")} {errorCode}: {awsMessage}"),
            HintFor(statusCode, errorCode),
            inner)
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        AwsMessage = awsMessage;
    }

    /// <summary>The service's signing name, e.g. <c>sqs</c>.</summary>
    public string Service { get; }

    /// <summary>The operation, e.g. <c>SendMessage</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status; 0 when the call got no response.</summary>
    public int StatusCode { get; }

    /// <summary>AWS's error code (e.g. <c>QueueDoesNotExist</c>, <c>ThrottlingException</c>), or <c>RequestTimeout</c> / <c>NetworkError</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>AWS's own message for the error.</summary>
    public string AwsMessage { get; }

    /// <summary>Whether calling again may succeed: throttling, 5xx, timeouts and network errors.</summary>
    public bool IsTransient => StatusCode == 0 || StatusCode == 429 || StatusCode >= 500 || IsThrottlingCode(ErrorCode);

    /// <summary>AWS error codes that mean "slow down" whatever the HTTP status.</summary>
    public static bool IsThrottlingCode(string code) =>
        code.StartsWith("Throttl", StringComparison.Ordinal)
        || code is "RequestThrottled" or "RequestThrottledException" or "TooManyRequestsException" or "RequestLimitExceeded"
            or "ProvisionedThroughputExceededException" or "SlowDown";

    private static string HintFor(int status, string code) => status switch
    {
        0 => "AWS did not answer in time; check the network path (VPC endpoints, NAT) and the service's health",
        403 => "check the function role's IAM permissions for this call and the clock (signatures expire after 5 minutes)",
        _ when status >= 500 || IsThrottlingCode(code) => "AWS was unavailable or throttling; the call was retried with backoff",
        _ => "check the resource name or ARN in the configuration and that the resource exists in this account and region",
    };
}
